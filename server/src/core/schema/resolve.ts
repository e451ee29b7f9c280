/**
 * Which schema applies to a document, first match wins: front matter `schema:` → the
 * `tradecraft.schemas` map (glob → schema) → the nearest `tradecraft.schema.{yaml,yml,json}`
 * walking up to the workspace root → the built-in schema.
 */
import * as path from 'node:path';
import picomatch from 'picomatch';
import { BUILTIN_PREFIX, type SchemaHost } from './load.js';
import { DEFAULT_BUILTIN } from './builtin.js';

export const SCHEMA_FILE_NAMES = ['tradecraft.schema.yaml', 'tradecraft.schema.yml', 'tradecraft.schema.json'];

export type SchemaOrigin = 'front-matter' | 'setting' | 'nearest-file' | 'builtin' | 'forced';

export interface SchemaReference {
  /** `builtin:NAME` or an absolute file path. */
  reference: string;
  origin: SchemaOrigin;
}

export interface SchemaResolutionInput {
  /** Absolute path of the document (may not exist on disk, e.g. an untitled buffer). */
  documentPath: string;
  /** The front matter's `schema:` value, if any. */
  frontMatterSchema?: string | undefined;
  /** Glob → schema reference; globs and relative references are relative to `workspaceRoot`. */
  schemaSettings?: Record<string, string> | undefined;
  /** The workspace folder holding the document; the upward search stops there. */
  workspaceRoot?: string | undefined;
}

/** Turns a user's schema reference (builtin name, `builtin:x`, relative or absolute path) into a reference. */
export function normaliseReference(value: string, baseDir: string): string {
  const trimmed = value.trim();
  if (trimmed.startsWith(BUILTIN_PREFIX)) return trimmed;
  return path.resolve(baseDir, trimmed);
}

export function resolveSchemaReference(input: SchemaResolutionInput, host: SchemaHost): SchemaReference {
  const documentDir = path.dirname(input.documentPath);
  if (input.frontMatterSchema && input.frontMatterSchema.trim() !== '') {
    return { reference: normaliseReference(input.frontMatterSchema, documentDir), origin: 'front-matter' };
  }
  const root = input.workspaceRoot ?? documentDir;
  if (input.schemaSettings) {
    const relative = path.relative(root, input.documentPath).split(path.sep).join('/');
    for (const [glob, reference] of Object.entries(input.schemaSettings)) {
      if (typeof reference !== 'string' || reference.trim() === '') continue;
      if (globMatches(glob, relative)) return { reference: normaliseReference(reference, root), origin: 'setting' };
    }
  }
  const nearest = findNearestSchemaFile(documentDir, root, host);
  if (nearest) return { reference: nearest, origin: 'nearest-file' };
  return { reference: BUILTIN_PREFIX + DEFAULT_BUILTIN, origin: 'builtin' };
}

/** A glob from the settings that picomatch cannot compile (over 64 KB, say) matches nothing. */
function globMatches(glob: string, relative: string): boolean {
  try {
    return picomatch(glob, { dot: true, basename: !glob.includes('/') })(relative);
  } catch {
    return false;
  }
}

function findNearestSchemaFile(startDir: string, root: string, host: SchemaHost): string | undefined {
  let dir = startDir;
  for (;;) {
    for (const name of SCHEMA_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (host.readFile(candidate) !== undefined) return candidate;
    }
    const relative = path.relative(root, dir);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
