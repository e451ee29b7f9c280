/**
 * The engine every door calls: resolve the schema that applies to a document, load it (cached),
 * and lint. File access goes through the host, so the same code serves the CLI (disk), the
 * language server (open buffers and disk) and tests (in-memory files).
 */
import { parse as parseYaml } from 'yaml';
import { lintChanges, type DocumentChange } from './edit.js';
import { lintDocument, type LintResult } from './lint.js';
import type { IncrementalParser } from './parse.js';
import { builtinSchema, loadSchema, type SchemaHost, type SchemaLoadResult, type SchemaProblem } from './schema/load.js';
import { resolveSchemaReference, type SchemaReference } from './schema/resolve.js';
import type { Schema } from './schema/types.js';
import type { SeveritySetting } from './findings.js';

export interface CheckRequest {
  text: string;
  /** Absolute path of the document. */
  documentPath: string;
  /** The workspace folder holding the document (bounds the schema search and `extends`). */
  workspaceRoot?: string | undefined;
  /** Glob → schema (the `tradecraft.schemas` setting). */
  schemaSettings?: Record<string, string> | undefined;
  /** A schema reference that overrides resolution (`tradecraft lint --schema`). */
  forcedSchema?: string | undefined;
  ruleSettings?: Record<string, SeveritySetting> | undefined;
  /** In an untrusted workspace, `extends` may not leave the workspace. */
  trusted?: boolean | undefined;
  /** A yardstick name that replaces the schema's (the `tradecraft.yardstick` setting). */
  yardstick?: string | undefined;
  /** The document's own incremental parser (kept by an editor across edits): re-parses only what changed. */
  parser?: IncrementalParser | undefined;
}

export interface CheckResult extends LintResult {
  schema: Schema;
  schemaReference: SchemaReference;
  /** Problems of the schema that was meant to apply (the built-in one was used instead). */
  schemaProblems: SchemaProblem[];
}

export class Engine {
  private readonly schemas = new Map<string, SchemaLoadResult>();

  constructor(private readonly host: SchemaHost) {}

  check(request: CheckRequest): CheckResult {
    const frontMatter = request.forcedSchema ? undefined : readFrontMatterSchema(request.text);
    const reference: SchemaReference = request.forcedSchema
      ? { reference: request.forcedSchema, origin: 'forced' }
      : resolveSchemaReference(
          {
            documentPath: request.documentPath,
            frontMatterSchema: frontMatter?.ok ? frontMatter.value : undefined,
            schemaSettings: request.schemaSettings,
            workspaceRoot: request.workspaceRoot,
          },
          this.host,
        );
    const loaded = this.loadSchema(reference.reference, request);
    const schema = this.withYardstick(loaded.ok ? loaded.schema : builtinSchema(), request.yardstick);
    const schemaProblems = loaded.ok ? [] : loaded.problems;
    const unreadFrontMatter = frontMatter?.ok === false ? `the front matter names a schema but ${frontMatter.reason}.` : undefined;
    const schemaProblem = loaded.ok ? unreadFrontMatter : describeProblem(reference.reference, schemaProblems);
    const result = lintDocument(request.text, { schema, schemaProblem, ruleSettings: request.ruleSettings, parser: request.parser });
    return { ...result, schema, schemaReference: reference, schemaProblems };
  }

  /**
   * The check after `changes` to the text `previous` was checked from, carried over when they only
   * move text (see edit.ts); undefined when the document must be checked in full. The schema is
   * the previous check's: an edit that is carried over never touches the front matter.
   */
  checkChanges(previous: CheckResult, changes: readonly DocumentChange[], text: string, parser: IncrementalParser): CheckResult | undefined {
    const result = lintChanges(previous, changes, text, { schema: previous.schema, parser });
    return result && Object.assign(result, { schema: previous.schema, schemaReference: previous.schemaReference, schemaProblems: previous.schemaProblems });
  }

  loadSchema(reference: string, request: Pick<CheckRequest, 'workspaceRoot' | 'trusted'> = {}): SchemaLoadResult {
    const restricted = request.trusted === false && request.workspaceRoot !== undefined;
    const key = `${restricted ? request.workspaceRoot : ''}|${reference}`;
    let loaded = this.schemas.get(key);
    if (!loaded) {
      loaded = loadSchema(reference, this.host, restricted ? { allowedRoots: [request.workspaceRoot!] } : {});
      this.schemas.set(key, loaded);
    }
    return loaded;
  }

  private readonly yardstickCopies = new WeakMap<Schema, Map<string, Schema>>();

  /** The schema with the editor's yardstick setting in place of its own (copies cached, so per-schema caches keep working). */
  private withYardstick(schema: Schema, yardstick: string | undefined): Schema {
    if (yardstick === undefined || schema.yardstick === yardstick) return schema;
    let copies = this.yardstickCopies.get(schema);
    if (!copies) this.yardstickCopies.set(schema, (copies = new Map<string, Schema>()));
    let copy = copies.get(yardstick);
    if (!copy) copies.set(yardstick, (copy = { ...schema, yardstick }));
    return copy;
  }

  /** Forget cached schemas (all, or those loaded from one file or extending it). */
  forgetSchemas(): void {
    this.schemas.clear();
  }
}

/** The front matter's `schema:` value, read without parsing the Markdown. */
export function frontMatterSchema(text: string): string | undefined {
  const read = readFrontMatterSchema(text);
  return read.ok ? read.value : undefined;
}

/** The front matter's `schema:` value, or why a front matter that has the key gives none (not YAML, not a name). */
function readFrontMatterSchema(text: string): { ok: true; value: string | undefined } | { ok: false; reason: string } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match || !/^schema\s*:/m.test(match[1]!)) return { ok: true, value: undefined };
  let data: unknown;
  try {
    data = parseYaml(match[1]!, { logLevel: 'error' });
  } catch (error) {
    return { ok: false, reason: `is not valid YAML (${(error as Error).message.split('\n')[0]!.replace(/:$/, '')})` };
  }
  const value = data && typeof data === 'object' ? (data as Record<string, unknown>).schema : undefined;
  if (typeof value === 'string' && value.trim() !== '') return { ok: true, value };
  return { ok: false, reason: 'its schema: value is not a schema name or path' };
}

function describeProblem(reference: string, problems: SchemaProblem[]): string {
  const first = problems[0];
  if (!first) return `The schema ${reference} could not be loaded.`;
  const where = first.file.startsWith('builtin:') ? first.file : `${first.file}:${first.range.start.line + 1}:${first.range.start.character + 1}`;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return `${where}: ${first.message}${more}`;
}
