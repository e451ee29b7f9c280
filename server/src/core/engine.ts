/**
 * The engine every door calls: resolve the schema that applies to a document, load it (cached),
 * and lint. File access goes through the host, so the same code serves the CLI (disk), the
 * language server (open buffers and disk) and tests (in-memory files).
 */
import { parse as parseYaml } from 'yaml';
import { lintParsed, type LintResult } from './lint.js';
import { IncrementalParser, parseMarkdown, type ParsedDocument } from './parse.js';
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
    const parsed = request.parser ? request.parser.parse(request.text) : parseMarkdown(request.text);
    const reference: SchemaReference = request.forcedSchema
      ? { reference: request.forcedSchema, origin: 'forced' }
      : resolveSchemaReference(
          {
            documentPath: request.documentPath,
            frontMatterSchema: frontMatterSchema(parsed),
            schemaSettings: request.schemaSettings,
            workspaceRoot: request.workspaceRoot,
          },
          this.host,
        );
    const loaded = this.loadSchema(reference.reference, request);
    const schema = loaded.ok ? loaded.schema : builtinSchema();
    const schemaProblems = loaded.ok ? [] : loaded.problems;
    const schemaProblem = loaded.ok ? undefined : describeProblem(reference.reference, schemaProblems);
    const result = lintParsed(parsed, { schema, schemaProblem, ruleSettings: request.ruleSettings });
    return { ...result, schema, schemaReference: reference, schemaProblems };
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

  /** Forget cached schemas (all, or those loaded from one file or extending it). */
  forgetSchemas(): void {
    this.schemas.clear();
  }
}

export function frontMatterSchema(parsed: ParsedDocument): string | undefined {
  if (!parsed.frontMatter) return undefined;
  try {
    const data: unknown = parseYaml(parsed.frontMatter.value);
    const value = data && typeof data === 'object' ? (data as Record<string, unknown>).schema : undefined;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function describeProblem(reference: string, problems: SchemaProblem[]): string {
  const first = problems[0];
  if (!first) return `The schema ${reference} could not be loaded.`;
  const where = first.file.startsWith('builtin:') ? first.file : `${first.file}:${first.range.start.line + 1}:${first.range.start.character + 1}`;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return `${where}: ${first.message}${more}`;
}
