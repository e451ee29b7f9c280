/**
 * Loading schema files: YAML or JSON text → validated against the published JSON Schema →
 * merged over what it extends → a resolved `Schema`. Every problem carries its position in the
 * schema file. File access goes through a `SchemaHost`, so the core never touches the disk.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import * as path from 'node:path';
import { isMap, isSeq, parse as parseYaml, parseDocument, type Document } from 'yaml';
import schemaFileSchema from '../../../../schemas/tradecraft.schema.json' with { type: 'json' };
import { SourceText, type Range } from '../text.js';
import { BUILTIN_SCHEMAS, DEFAULT_BUILTIN } from './builtin.js';
import { compileAgentPattern } from './pattern.js';
import type { Schema } from './types.js';

export interface SchemaHost {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(filePath: string): string | undefined;
}

export interface SchemaProblem {
  /** `builtin:NAME` or the file the problem is in. */
  file: string;
  message: string;
  range: Range;
}

export type SchemaLoadResult = { ok: true; schema: Schema } | { ok: false; problems: SchemaProblem[] };

export interface SchemaLoadOptions {
  /** Folders an `extends` path may point into; undefined allows any path. */
  allowedRoots?: string[];
}

export const BUILTIN_PREFIX = 'builtin:';

type RawSchema = Record<string, unknown>;

let validator: ValidateFunction | undefined;

/** Compiled on first use: a CLI run that needs no schema file (`--version`, the built-in schema) skips it. */
function schemaFileValidator(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(schemaFileSchema);
  return validator;
}
const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Loads a built-in schema (`builtin:standard`) or a schema file by absolute path. */
export function loadSchema(reference: string, host: SchemaHost, options: SchemaLoadOptions = {}): SchemaLoadResult {
  const problems: SchemaProblem[] = [];
  const raw = loadRaw(reference, host, options, [], problems);
  if (!raw || problems.length > 0) {
    return { ok: false, problems: problems.length > 0 ? problems : [{ file: reference, message: 'The schema could not be loaded.', range: ZERO_RANGE }] };
  }
  const schema = toSchema(reference, raw, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, schema };
}

/** Validates schema text without resolving `extends`; for problems shown in the schema file itself. */
export function checkSchemaText(file: string, text: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  parseAndValidate(file, text, problems);
  return problems;
}

let builtinCache: Schema | undefined;

/** The default built-in schema, loaded once. */
export function builtinSchema(): Schema {
  if (!builtinCache) {
    const result = loadSchema(BUILTIN_PREFIX + DEFAULT_BUILTIN, { readFile: () => undefined });
    if (!result.ok) throw new Error(`The built-in schema is invalid: ${result.problems[0]?.message}`);
    builtinCache = result.schema;
  }
  return builtinCache;
}

function loadRaw(reference: string, host: SchemaHost, options: SchemaLoadOptions, chain: string[], problems: SchemaProblem[]): RawSchema | undefined {
  if (chain.includes(reference)) {
    problems.push({ file: chain[chain.length - 1] ?? reference, message: `\`extends\` forms a cycle: ${[...chain, reference].join(' → ')}.`, range: ZERO_RANGE });
    return undefined;
  }
  let text: string | undefined;
  if (reference.startsWith(BUILTIN_PREFIX)) {
    text = BUILTIN_SCHEMAS[reference.slice(BUILTIN_PREFIX.length)];
    if (text === undefined) {
      problems.push({ file: chain[chain.length - 1] ?? reference, message: `Unknown built-in schema “${reference}” (known: ${Object.keys(BUILTIN_SCHEMAS).map((name) => BUILTIN_PREFIX + name).join(', ')}).`, range: ZERO_RANGE });
      return undefined;
    }
  } else {
    text = host.readFile(reference);
    if (text === undefined) {
      problems.push({ file: chain[chain.length - 1] ?? reference, message: `Schema file not found or unreadable: ${reference}.`, range: ZERO_RANGE });
      return undefined;
    }
  }
  // Built-in schemas are valid by construction (a unit test checks them), so the JSON Schema
  // validator is only compiled when a schema file is read.
  const raw = reference.startsWith(BUILTIN_PREFIX) ? (parseYaml(text) as RawSchema) : parseAndValidate(reference, text, problems);
  if (!raw) return undefined;

  const parentReference = typeof raw.extends === 'string' ? raw.extends : reference.startsWith(BUILTIN_PREFIX) ? undefined : BUILTIN_PREFIX + DEFAULT_BUILTIN;
  if (parentReference === undefined) return raw;
  const resolvedParent = resolveExtends(reference, parentReference);
  if (!resolvedParent.startsWith(BUILTIN_PREFIX) && options.allowedRoots && !options.allowedRoots.some((root) => isInside(root, resolvedParent))) {
    problems.push({ file: reference, message: `\`extends\` points outside the workspace (${resolvedParent}); allowed only in a trusted workspace.`, range: locateKey(reference, text, 'extends') });
    return undefined;
  }
  const parent = loadRaw(resolvedParent, host, options, [...chain, reference], problems);
  return parent ? mergeRaw(parent, raw) : undefined;
}

function resolveExtends(from: string, target: string): string {
  if (target.startsWith(BUILTIN_PREFIX)) return target;
  return path.resolve(path.dirname(from), target);
}

export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Keys whose objects merge one level deep, so `scenarios: { min: 3 }` keeps the parent's fields. */
const MERGED_OBJECTS = ['rules', 'scenarios', 'signOff'];

/** A child schema's keys replace its parent's, except the objects above, which merge. */
function mergeRaw(parent: RawSchema, child: RawSchema): RawSchema {
  const merged: RawSchema = { ...parent, ...child };
  for (const key of MERGED_OBJECTS) {
    if (parent[key] || child[key]) merged[key] = { ...(parent[key] as object), ...(child[key] as object) };
  }
  delete merged.extends;
  return merged;
}

function parseAndValidate(file: string, text: string, problems: SchemaProblem[]): RawSchema | undefined {
  const source = new SourceText(text);
  const document = parseDocument(text.replace(/^\uFEFF/, ' '), { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      problems.push({ file, message: `Invalid YAML/JSON: ${error.message.split('\n')[0]}`, range: source.rangeOf({ start: error.pos[0], end: error.pos[1] }) });
    }
    return undefined;
  }
  const value: unknown = document.toJS();
  if (value === null || value === undefined) {
    problems.push({ file, message: 'The schema file is empty.', range: ZERO_RANGE });
    return undefined;
  }
  const validate = schemaFileValidator();
  if (!validate(value)) {
    for (const error of relevantErrors(validate.errors ?? [])) {
      problems.push({ file, message: describeError(error), range: source.rangeOf(locateError(document, error)) });
    }
    return undefined;
  }
  const raw = value as RawSchema;
  checkPattern(file, raw, document, source, problems);
  return problems.length > 0 ? undefined : raw;
}

function checkPattern(file: string, raw: RawSchema, document: Document, source: SourceText, problems: SchemaProblem[]): void {
  const pattern = (raw.signOff as { pattern?: string } | undefined)?.pattern;
  if (pattern === undefined) return;
  const compiled = compileAgentPattern(pattern);
  if (!compiled.ok) {
    problems.push({ file, message: `signOff.pattern ${compiled.reason}.`, range: source.rangeOf(spanOfNode(document.getIn(['signOff', 'pattern'], true))) });
  }
}

/** With `oneOf`, ajv reports every branch; keep the most specific errors. */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const withoutOneOf = errors.filter((error) => error.keyword !== 'oneOf');
  const paths = new Set(withoutOneOf.map((error) => error.instancePath));
  const seen = new Set<string>();
  return withoutOneOf.filter((error) => {
    // An enum mismatch on a path that also has a type error is the same problem said twice.
    if (error.keyword === 'enum' && [...paths].some((p) => p !== error.instancePath && p.startsWith(error.instancePath + '/'))) return false;
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the schema' : error.instancePath.slice(1).replaceAll('/', '.');
  switch (error.keyword) {
    case 'additionalProperties':
      return `Unknown key “${String(error.params.additionalProperty)}” in ${where}.`;
    case 'required':
      return `${where} is missing the required key “${String(error.params.missingProperty)}”.`;
    case 'enum':
      return `${where} must be one of: ${(error.params.allowedValues as unknown[]).map(String).join(', ')}.`;
    case 'type':
      return `${where} must be of type ${String(error.params.type)}.`;
    default:
      return `${where} ${error.message ?? 'is invalid'}.`;
  }
}

function locateError(document: Document, error: ErrorObject): { start: number; end: number } {
  const segments = error.instancePath.split('/').slice(1).map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment.replaceAll('~1', '/').replaceAll('~0', '~')));
  if (error.keyword === 'additionalProperties') {
    const container = segments.length === 0 ? document.contents : document.getIn(segments, true);
    if (isMap(container)) {
      const pair = container.items.find((item) => (item.key as { value?: unknown } | null)?.value === error.params.additionalProperty);
      if (pair) return spanOfNode(pair.key);
    }
  }
  for (let length = segments.length; length >= 0; length--) {
    const node = length === 0 ? document.contents : document.getIn(segments.slice(0, length), true);
    if (node && (isMap(node) || isSeq(node) || typeof node === 'object')) return spanOfNode(node);
  }
  return { start: 0, end: 0 };
}

function locateKey(file: string, text: string, key: string): Range {
  const document = parseDocument(text);
  const source = new SourceText(text);
  void file;
  return source.rangeOf(spanOfNode(document.getIn([key], true)));
}

function spanOfNode(node: unknown): { start: number; end: number } {
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}

function toSchema(source: string, raw: RawSchema, problems: SchemaProblem[]): Schema {
  const sections = (raw.sections as Schema['sections'] | undefined) ?? [];
  const ids = new Set<string>();
  for (const section of sections) {
    if (ids.has(section.id)) problems.push({ file: source, message: `Section id “${section.id}” is declared twice.`, range: ZERO_RANGE });
    ids.add(section.id);
  }
  const scenarios = (raw.scenarios ?? {}) as Partial<Schema['scenarios']>;
  const signOff = (raw.signOff ?? {}) as Partial<Schema['signOff']>;
  return {
    source,
    headingLevel: (raw.headingLevel as number | undefined) ?? 2,
    closed: (raw.closed as boolean | undefined) ?? false,
    sections: sections.map((section) => ({ ...section, aliases: section.aliases ?? [], required: section.required ?? false })),
    scenarios: {
      min: scenarios.min ?? 2,
      labels: scenarios.labels ?? [],
      markers: (scenarios.markers ?? []).map((marker) => marker.trim()).filter((marker) => marker !== ''),
      fields: (scenarios.fields ?? []).map((field) => ({
        id: field.id,
        title: field.title ?? field.aliases?.[0] ?? titleCase(field.id),
        aliases: field.aliases ?? [field.title ?? titleCase(field.id)],
        required: field.required ?? false,
      })),
    },
    signOff: {
      pattern: signOff.pattern ?? '^(?<agentId>[A-Z]{2,3}-\\d{2}), (?<role>.+)$',
      organization: signOff.organization ?? 'optional',
      template: signOff.template ?? 'AGENT-ID, Role',
    },
    yardstick: (raw.yardstick as Schema['yardstick'] | undefined) ?? 'icd203',
    actors: ((raw.actors as Schema['actors'] | undefined) ?? []).map((actor) => ({ name: actor.name, aliases: actor.aliases ?? [] })),
    gazetteer: (raw.gazetteer as boolean | undefined) ?? true,
    rules: (raw.rules as Schema['rules'] | undefined) ?? {},
  };
}

function titleCase(id: string): string {
  return id.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}
