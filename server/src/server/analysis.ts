/**
 * What the server knows about one document: whether it is an assessment, a schema file or
 * neither, and for assessments the engine's result with its diagnostics. Every feature (diagnostics,
 * hover, completion, symbols, code actions, the outline request) reads the same analysis, computed
 * once per document version.
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  checkSchemaText,
  Engine,
  IncrementalParser,
  isAssessment,
  isMarkdownPath,
  SCHEMA_FILE_NAMES,
  type CheckRequest,
  type CheckResult,
  type DocumentChange,
  MAX_DOCUMENT_LENGTH,
  type SchemaHost,
} from '../core/index.js';
import type { FindingCounts } from '../protocol.js';
import type { TradecraftSettings } from '../settings.js';
import type { ChangeLog } from './changes.js';
import type { Configuration } from './configuration.js';
import { countFindings, noticeDiagnostic, schemaProblemToDiagnostic, toDiagnostic } from './convert.js';
import { relativePath, uriToPath, type Folder, type WorkspaceFolders } from './folders.js';

/** Files on disk above this many bytes are not even read (the core declines documents above its own limit). */
export const MAX_CHECKED_LENGTH = MAX_DOCUMENT_LENGTH;

export interface AssessmentAnalysis {
  kind: 'assessment';
  result: CheckResult;
  diagnostics: Diagnostic[];
  counts: FindingCounts;
  /** The schema in use as users see it: `builtin:standard` or a folder-relative path. */
  schemaLabel: string;
  /** The document's path relative to its workspace folder (or absolute outside every folder). */
  displayPath: string;
}

export interface SchemaFileAnalysis {
  kind: 'schema-file';
  diagnostics: Diagnostic[];
}

/** An assessment that was not checked (too large, binary, or the check failed); one notice says why. */
export interface UncheckedAnalysis {
  kind: 'unchecked';
  diagnostics: Diagnostic[];
}

export interface IgnoredAnalysis {
  kind: 'ignored';
  diagnostics: Diagnostic[];
}

export type Analysis = AssessmentAnalysis | SchemaFileAnalysis | UncheckedAnalysis | IgnoredAnalysis;

export interface AnalysisInput {
  uri: string;
  text: string;
  /** The editor's language id; files read from disk have none. */
  languageId?: string;
  /** An open document's parser, kept across its edits so that a keystroke re-parses only what changed. */
  parser?: IncrementalParser;
}

export interface AnalyzerOptions {
  folders: WorkspaceFolders;
  configuration: Configuration;
  /** False in an untrusted workspace (schemas may not `extends` outside the folder). */
  trusted: boolean;
  /** Whether file reads may be cached (only when the client tells us about file changes). */
  cacheFiles: boolean;
  /** A schema file in use changed on disk: invalidate, and check every document again. */
  schemaFilesChanged: () => void;
  log: (message: string) => void;
  /** The changes editors sent to open documents (a check carries its result over those that only move text). */
  changes: ChangeLog;
}

export class Analyzer {
  private readonly host: DiskSchemaHost;
  private readonly engine: Engine;
  private readonly open = new Map<string, { version: number; generation: number; analysis: Promise<Analysis>; parser: IncrementalParser }>();
  /** Bumped whenever settings or schemas change: every cached analysis is then stale. */
  private generation = 0;

  constructor(private readonly options: AnalyzerOptions) {
    this.host = new DiskSchemaHost(options.cacheFiles);
    this.engine = new Engine(this.host);
  }

  /** The analysis of an open document at its current version, computed at most once. */
  analysisFor(document: TextDocument): Promise<Analysis> {
    // A few stat calls: a schema changed outside the editor, where no watcher reports it, is not used stale.
    if (this.host.changedOnDisk()) this.options.schemaFilesChanged();
    const cached = this.open.get(document.uri);
    if (cached && cached.version === document.version && cached.generation === this.generation) return cached.analysis;
    const parser = cached?.parser ?? new IncrementalParser({ keepDerived: true });
    const input = { uri: document.uri, text: document.getText(), languageId: document.languageId, parser };
    const changes = cached?.generation === this.generation ? this.options.changes.between(document.uri, cached.version, document.version) : undefined;
    const analysis = cached && changes ? this.carryOver(cached.analysis, changes, input) : this.analyse(input);
    this.open.set(document.uri, { version: document.version, generation: this.generation, analysis, parser });
    this.options.changes.checked(document.uri, document.version);
    return analysis;
  }

  forget(uri: string): void {
    this.open.delete(uri);
    this.options.changes.forget(uri);
  }

  /**
   * The analysis after edits to a checked assessment: its result carried over when the edits only
   * move text (see core/edit.ts), else a full check.
   */
  private async carryOver(previous: Promise<Analysis>, changes: DocumentChange[], input: AnalysisInput & { parser: IncrementalParser }): Promise<Analysis> {
    const before = await previous;
    if (before.kind === 'assessment') {
      let result: CheckResult | undefined;
      try {
        result = this.engine.checkChanges(before.result, changes, input.text, input.parser);
      } catch (error) {
        this.options.log(`Carrying the check of ${input.uri} over an edit failed (checking it in full): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      if (result) return { ...before, result, diagnostics: result.findings.map((finding) => toDiagnostic(finding, input.uri)), counts: countFindings(result.findings) };
    }
    return this.analyse(input);
  }

  /** Whether a change to this file may change schemas: a `tradecraft.schema.*` file, or one a schema in use was read from (or looked for). */
  isSchemaSource(filePath: string): boolean {
    return SCHEMA_FILE_NAMES.includes(path.basename(filePath)) || this.host.reads(filePath);
  }

  /** Settings or schema files changed: drop cached schemas, file reads and analyses. */
  invalidate(): void {
    this.generation++;
    this.host.clear();
    this.engine.forgetSchemas();
  }

  async analyse(input: AnalysisInput): Promise<Analysis> {
    const filePath = uriToPath(input.uri);
    const folder = this.options.folders.folderOfUri(input.uri);
    // Untitled buffers resolve schemas as if they were at the root of the first folder.
    const documentPath = filePath ?? path.join(folder?.path ?? process.cwd(), input.uri.replace(/^[^:]*:/, '').replace(/[\\/]/g, '_'));
    const name = path.basename(documentPath);
    if (SCHEMA_FILE_NAMES.includes(name)) {
      return { kind: 'schema-file', diagnostics: checkSchemaText(documentPath, input.text).map(schemaProblemToDiagnostic) };
    }
    if (input.languageId !== 'markdown' && !isMarkdownPath(name)) return ignored();
    const settings = await this.options.configuration.settingsFor(folder);
    const displayPath = folder ? relativePath(folder.path, documentPath) : documentPath;
    // The editor's word that a buffer is Markdown (an untitled one has no extension) counts as a Markdown name.
    const selectionPath = `${folder ? displayPath : name}${isMarkdownPath(name) ? '' : '.md'}`;
    if (!isAssessment(selectionPath, input.text, settings.files)) return ignored();
    return this.check(input, documentPath, displayPath, folder, settings);
  }

  private check(input: AnalysisInput, documentPath: string, displayPath: string, folder: Folder | undefined, settings: TradecraftSettings): Analysis {
    const request: CheckRequest = {
      text: input.text,
      documentPath,
      workspaceRoot: folder?.path,
      schemaSettings: settings.schemas,
      ruleSettings: settings.rules,
      trusted: this.options.trusted,
      parser: input.parser,
      yardstick: settings.yardstick,
    };
    let result: CheckResult;
    try {
      result = this.engine.check(request);
    } catch (error) {
      // A bug in a rule must not take the server down, nor leave stale diagnostics behind.
      this.options.log(`Checking ${input.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return unchecked('Tradecraft could not check this document because of an internal error; the language server log has the details.');
    }
    return {
      kind: 'assessment',
      result,
      diagnostics: result.findings.map((finding) => toDiagnostic(finding, input.uri)),
      counts: countFindings(result.findings),
      schemaLabel: schemaLabel(result.schemaReference.reference, folder),
      displayPath,
    };
  }
}

function ignored(): IgnoredAnalysis {
  return { kind: 'ignored', diagnostics: [] };
}

/** The notice for a document too large to check; `size` in characters (or bytes, for files not read). */
export function tooLarge(size: number): UncheckedAnalysis {
  const megabytes = (size / (1024 * 1024)).toFixed(1);
  return unchecked(`Tradecraft did not check this document: it is too large (${megabytes} MB; the limit is ${MAX_CHECKED_LENGTH / (1024 * 1024)} MB).`);
}

function unchecked(message: string): UncheckedAnalysis {
  return { kind: 'unchecked', diagnostics: [noticeDiagnostic(message)] };
}

function schemaLabel(reference: string, folder: Folder | undefined): string {
  if (reference.startsWith('builtin:') || !folder) return reference;
  const relative = relativePath(folder.path, reference);
  return relative.startsWith('../') ? reference : relative;
}

/**
 * Schema files as the engine reads them from disk. The engine asks for the same few paths on every
 * check, so reads are cached when file events keep the cache honest. Every path asked for (schemas,
 * their `extends`, the places a nearest schema file was looked for) is remembered with its
 * modification time then, so a change on disk is noticed even where no file watcher reports it.
 */
class DiskSchemaHost implements SchemaHost {
  private readonly files = new Map<string, string | undefined>();
  /** Path → modification time when read (undefined: there was no file). */
  private readonly seen = new Map<string, number | undefined>();

  constructor(private readonly cache: boolean) {}

  readFile(filePath: string): string | undefined {
    if (this.cache && this.files.has(filePath)) return this.files.get(filePath);
    let text: string | undefined;
    try {
      text = readFileSync(filePath, 'utf8');
    } catch {
      text = undefined;
    }
    if (this.cache) this.files.set(filePath, text);
    if (!this.seen.has(filePath)) this.seen.set(filePath, modifiedTime(filePath));
    return text;
  }

  /** Whether a schema in use was read from this path (or looked for there). */
  reads(filePath: string): boolean {
    return this.seen.has(filePath);
  }

  /** Whether any path read since the last `clear` was changed, created or deleted since. */
  changedOnDisk(): boolean {
    for (const [filePath, time] of this.seen) if (modifiedTime(filePath) !== time) return true;
    return false;
  }

  clear(): void {
    this.files.clear();
    this.seen.clear();
  }
}

function modifiedTime(filePath: string): number | undefined {
  try {
    return statSync(filePath, { throwIfNoEntry: false })?.mtimeMs;
  } catch {
    return undefined;
  }
}
