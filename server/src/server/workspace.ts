/**
 * Workspace diagnostics: every assessment (and schema file) in the workspace folders is checked
 * from disk, without being opened, and kept current as files change on disk. Push clients get
 * them published; pull clients ask with `workspace/diagnostic`. An open document's own
 * diagnostics always win over its file's.
 */
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import {
  DocumentDiagnosticReportKind,
  FileChangeType,
  type Connection,
  type Diagnostic,
  type FileEvent,
  type TextDocuments,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ASSESSMENT_SUFFIX, isMarkdownPath, SCHEMA_FILE_NAMES } from '../core/index.js';
import { MAX_CHECKED_LENGTH, tooLarge, type Analyzer } from './analysis.js';
import type { DiagnosticsMode } from './diagnostics.js';
import { pathToUri, uriToPath, type Folder, type WorkspaceFolders } from './folders.js';

/** What the workspace scan lists; the analyzer then decides which Markdown files are assessments. */
export const WORKSPACE_FILE_GLOBS = ['**/*.{md,markdown,mdown,mkd}', `**/{${SCHEMA_FILE_NAMES.join(',')}}`];
/**
 * What the client is asked to watch: YAML and JSON files too, since a schema may be any such file
 * (through `extends`, the `schemas` setting or front matter); the server learns which ones only as
 * it reads them.
 */
export const WATCHED_FILE_GLOBS = [...WORKSPACE_FILE_GLOBS, '**/*.{yaml,yml,json}'];
const IGNORED_FOLDERS = ['node_modules', '.git'];

/** UTF-8 needs at most 3 bytes per UTF-16 code unit: a file this large cannot be under the limit. */
const MAX_READ_BYTES = 3 * MAX_CHECKED_LENGTH;

interface FileEntry {
  uri: string;
  resultId: string;
  diagnostics: Diagnostic[];
}

export interface WorkspaceDiagnosticsOptions {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analyzer: Analyzer;
  folders: WorkspaceFolders;
  mode: DiagnosticsMode;
  refreshSupport: boolean;
  log: (message: string) => void;
}

export class WorkspaceDiagnostics {
  /** Checked files by path: assessments and schema files, not other Markdown. */
  private readonly files = new Map<string, FileEntry>();
  /** Files dropped since the last workspace pull, reported once with no diagnostics. */
  private readonly dropped = new Set<string>();
  /** Work runs one task at a time, in order, so a later change is never overwritten by an earlier one. */
  private work: Promise<void> = Promise.resolve();
  private nextResultId = 1;
  private changed = false;

  constructor(private readonly options: WorkspaceDiagnosticsOptions) {}

  /** Lists the folders' files and checks each of them (and drops entries whose file is gone). */
  scan(folders: readonly Folder[] = this.options.folders.all()): void {
    for (const folder of folders) this.enqueue(() => this.scanFolder(folder.path));
  }

  removeFolders(folders: readonly Folder[]): void {
    for (const folder of folders) this.enqueue(() => this.dropInside(folder.path));
  }

  /** Settings or schemas changed: check everything again. */
  revalidateAll(): void {
    this.scan();
  }

  /** `workspace/didChangeWatchedFiles`; returns whether a schema file changed. */
  filesChanged(changes: readonly FileEvent[]): { schemaChanged: boolean } {
    let schemaChanged = false;
    for (const change of changes) {
      const filePath = uriToPath(change.uri);
      if (filePath === undefined) continue;
      if (this.options.analyzer.isSchemaSource(filePath)) schemaChanged = true;
      const folder = this.options.folders.folderOf(filePath);
      if (!folder || isIgnoredPath(folder.path, filePath)) continue;
      this.enqueue(() => (change.type === FileChangeType.Deleted ? this.dropInside(filePath) : this.checkPath(filePath)));
    }
    return { schemaChanged };
  }

  /**
   * An open document was closed: its file's diagnostics come from disk again.
   * @returns whether the file is in a workspace folder (and so will be reported from disk)
   */
  documentClosed(uri: string): boolean {
    const filePath = uriToPath(uri);
    const folder = filePath === undefined ? undefined : this.options.folders.folderOf(filePath);
    if (filePath === undefined || !folder || isIgnoredPath(folder.path, filePath)) return false;
    if (!isMarkdownPath(filePath) && !SCHEMA_FILE_NAMES.includes(path.basename(filePath))) return false;
    this.enqueue(() => this.checkFile(filePath, uri, true));
    return true;
  }

  /** A document was opened: its buffer's diagnostics replace the file's (under the client's spelling of the URI). */
  documentOpened(uri: string): void {
    const filePath = uriToPath(uri);
    const entry = filePath === undefined ? undefined : this.files.get(filePath);
    if (entry && entry.uri !== uri && this.options.mode === 'push') void this.options.connection.sendDiagnostics({ uri: entry.uri, diagnostics: [] });
  }

  /** The diagnostics of a closed file, for pull clients that ask for it by URI. */
  diagnosticsOf(filePath: string): Diagnostic[] | undefined {
    return this.files.get(filePath)?.diagnostics;
  }

  /** Resolves when every queued scan and check has finished. */
  async idle(): Promise<void> {
    for (;;) {
      const work = this.work;
      await work;
      if (work === this.work) return;
    }
  }

  /** `workspace/diagnostic`: every checked file that is not open, unchanged ones by result id. */
  async pull(params: WorkspaceDiagnosticParams): Promise<WorkspaceDiagnosticReport> {
    await this.idle();
    const previous = new Map(params.previousResultIds.map((result) => [result.uri, result.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const [filePath, entry] of this.files) {
      if (this.openDocumentAt(filePath)) continue;
      items.push(
        previous.get(entry.uri) === entry.resultId
          ? { kind: DocumentDiagnosticReportKind.Unchanged, uri: entry.uri, version: null, resultId: entry.resultId }
          : { kind: DocumentDiagnosticReportKind.Full, uri: entry.uri, version: null, resultId: entry.resultId, items: entry.diagnostics },
      );
    }
    for (const uri of this.dropped) items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
    this.dropped.clear();
    return { items };
  }

  private enqueue(task: () => Promise<void>): void {
    this.work = this.work
      .then(task)
      .catch((error: unknown) => this.options.log(`Workspace diagnostics: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`))
      .then(() => this.afterTask());
  }

  private afterTask(): void {
    if (!this.changed || this.options.mode !== 'pull' || !this.options.refreshSupport) return;
    this.changed = false;
    this.options.connection.languages.diagnostics.refresh().catch((error: unknown) => this.options.log(`Diagnostics refresh failed: ${String(error)}`));
  }

  private async scanFolder(folderPath: string): Promise<void> {
    const listed = await glob(WORKSPACE_FILE_GLOBS, {
      cwd: folderPath,
      absolute: true,
      dot: true,
      followSymbolicLinks: false,
      ignore: IGNORED_FOLDERS.map((name) => `**/${name}/**`),
    });
    const paths = new Set(listed.map((file) => path.resolve(file)));
    // Entries whose file disappeared while no one was watching.
    for (const known of this.files.keys()) if (isInsideFolder(folderPath, known)) paths.add(known);
    for (const filePath of paths) {
      await this.checkFile(filePath);
      // Let requests in between files: a large workspace must not make the editor wait.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** A created or changed path: a file is checked, a folder (created by a move or copy) is scanned. */
  private async checkPath(filePath: string): Promise<void> {
    const stats = await stat(filePath).catch(() => undefined);
    if (stats?.isDirectory()) await this.scanFolder(filePath);
    else if (isMarkdownPath(filePath) || SCHEMA_FILE_NAMES.includes(path.basename(filePath))) await this.checkFile(filePath);
  }

  private async checkFile(filePath: string, uri?: string, force = false): Promise<void> {
    if (this.openDocumentAt(filePath)) return;
    const fileUri = uri ?? this.files.get(filePath)?.uri ?? pathToUri(filePath);
    const stats = await stat(filePath).catch(() => undefined);
    if (!stats?.isFile()) {
      this.drop(filePath, force ? fileUri : undefined);
      return;
    }
    let diagnostics: Diagnostic[] | undefined;
    if (stats.size > MAX_READ_BYTES) {
      if (filePath.toLowerCase().endsWith(ASSESSMENT_SUFFIX)) diagnostics = tooLarge(stats.size).diagnostics;
    } else {
      const text = await readFile(filePath, 'utf8').catch(() => undefined);
      const analysis = text === undefined ? undefined : await this.options.analyzer.analyse({ uri: fileUri, text });
      if (analysis && analysis.kind !== 'ignored') diagnostics = analysis.diagnostics;
    }
    // Opened while we read it: the buffer is the truth now.
    if (this.openDocumentAt(filePath)) return;
    if (!diagnostics) {
      this.drop(filePath, force ? fileUri : undefined);
      return;
    }
    const previous = this.files.get(filePath);
    if (!force && previous && previous.uri === fileUri && JSON.stringify(previous.diagnostics) === JSON.stringify(diagnostics)) return;
    this.files.set(filePath, { uri: fileUri, resultId: `w${this.nextResultId++}`, diagnostics });
    this.dropped.delete(fileUri);
    this.changed = true;
    if (this.options.mode === 'push') await this.options.connection.sendDiagnostics({ uri: fileUri, diagnostics });
  }

  /** @param closedUri a just-closed document's URI, whose buffer diagnostics the client still shows */
  private drop(filePath: string, closedUri?: string): void {
    const entry = this.files.get(filePath);
    if (!entry) {
      if (closedUri !== undefined && this.options.mode === 'push') void this.options.connection.sendDiagnostics({ uri: closedUri, diagnostics: [] });
      return;
    }
    this.files.delete(filePath);
    this.changed = true;
    if (this.options.mode === 'push') void this.options.connection.sendDiagnostics({ uri: entry.uri, diagnostics: [] });
    else this.dropped.add(entry.uri);
  }

  private dropInside(folderPath: string): Promise<void> {
    for (const known of [...this.files.keys()]) if (isInsideFolder(folderPath, known)) this.drop(known);
    return Promise.resolve();
  }

  private openDocumentAt(filePath: string): TextDocument | undefined {
    return this.options.documents.all().find((document) => uriToPath(document.uri) === filePath);
  }
}

function isIgnoredPath(folderPath: string, filePath: string): boolean {
  return path.relative(folderPath, filePath).split(path.sep).some((segment) => IGNORED_FOLDERS.includes(segment));
}

function isInsideFolder(folderPath: string, filePath: string): boolean {
  const relative = path.relative(folderPath, filePath);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
