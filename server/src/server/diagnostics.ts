/**
 * Diagnostics of open documents. Clients that pull (`textDocument/diagnostic`) ask when they want
 * them; every other client gets them pushed, debounced per document. Either way a result is only
 * delivered for the document version it was computed from, so a slow, stale check never replaces
 * a newer one.
 */
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStatusNotification } from '../protocol.js';
import type { Analysis, Analyzer } from './analysis.js';
import type { Configuration } from './configuration.js';
import { uriToPath, type WorkspaceFolders } from './folders.js';

export type DiagnosticsMode = 'push' | 'pull';

export interface DocumentDiagnosticsOptions {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analyzer: Analyzer;
  configuration: Configuration;
  folders: WorkspaceFolders;
  mode: DiagnosticsMode;
  /** Whether the client accepts `workspace/diagnostic/refresh`. */
  refreshSupport: boolean;
  /** Diagnostics of a closed file as workspace diagnostics know them (pull clients ask for closed files too). */
  closedFileDiagnostics: (filePath: string) => Diagnostic[] | undefined;
  log: (message: string) => void;
}

export class DocumentDiagnostics {
  /** A pending check per document, and how to call it off. */
  private readonly timers = new Map<string, () => void>();
  private readonly lastChange = new Map<string, number>();
  /** Documents the client holds pushed diagnostics for, so that dropping out of scope clears them. */
  private readonly published = new Set<string>();
  /** Documents the client was told are assessments (`tradecraft/documentStatus`). */
  private readonly withStatus = new Set<string>();
  /** In `onSave` mode, pull clients keep getting the result from the last open or save. */
  private readonly held = new Map<string, Analysis>();
  private readonly resultIds = new WeakMap<Analysis, string>();
  private nextResultId = 1;

  constructor(private readonly options: DocumentDiagnosticsOptions) {}

  get mode(): DiagnosticsMode {
    return this.options.mode;
  }

  /** A document was opened or its content changed. */
  async changed(document: TextDocument, opened: boolean): Promise<void> {
    this.lastChange.set(document.uri, Date.now());
    if (this.options.mode === 'pull') return;
    const settings = await this.options.configuration.settingsFor(this.options.folders.folderOfUri(document.uri));
    if (!opened && settings.validate.run === 'onSave') return;
    this.schedule(document.uri, opened ? 0 : settings.validate.debounceMs);
  }

  saved(document: TextDocument): void {
    if (this.options.mode === 'push') {
      this.schedule(document.uri, 0);
    } else if (this.held.delete(document.uri)) {
      this.refresh();
    }
  }

  /** @param handedOver workspace diagnostics now report the file from disk, so its diagnostics stay. */
  closed(uri: string, handedOver: boolean): void {
    this.timers.get(uri)?.();
    this.timers.delete(uri);
    this.lastChange.delete(uri);
    this.held.delete(uri);
    this.options.analyzer.forget(uri);
    this.withStatus.delete(uri);
    if (this.published.delete(uri) && !handedOver) void this.options.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Settings or schemas changed: every open document is checked again. */
  revalidateAll(): void {
    this.held.clear();
    if (this.options.mode === 'pull') {
      this.refresh();
      // Status displays follow even when the client does not pull again.
      for (const document of this.options.documents.all()) void this.publish(document, 'status-only');
      return;
    }
    for (const document of this.options.documents.all()) this.schedule(document.uri, 0);
  }

  /** `textDocument/diagnostic`. */
  async pull(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const { uri } = params.textDocument;
    const document = this.options.documents.get(uri);
    if (!document) {
      const filePath = uriToPath(uri);
      const items = filePath === undefined ? undefined : this.options.closedFileDiagnostics(filePath);
      return { kind: DocumentDiagnosticReportKind.Full, items: items ?? [] };
    }
    const settings = await this.options.configuration.settingsFor(this.options.folders.folderOfUri(uri));
    let analysis = settings.validate.run === 'onSave' ? this.held.get(uri) : undefined;
    if (!analysis) {
      // Keep the debounce: a pull right after a keystroke waits for typing to pause.
      const quiet = (this.lastChange.get(uri) ?? 0) + settings.validate.debounceMs - Date.now();
      if (quiet > 0) await new Promise((resolve) => setTimeout(resolve, quiet));
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'A newer request replaces this one.');
      const current = this.options.documents.get(uri) ?? document;
      analysis = await this.options.analyzer.analysisFor(current);
      if (settings.validate.run === 'onSave') this.held.set(uri, analysis);
    }
    const resultId = this.resultIdOf(analysis);
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    this.sendStatus(uri, analysis);
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: analysis.diagnostics };
  }

  private schedule(uri: string, delayMs: number): void {
    this.timers.get(uri)?.();
    const run = () => {
      this.timers.delete(uri);
      const document = this.options.documents.get(uri);
      if (document) this.publish(document, 'diagnostics').catch((error: unknown) => this.options.log(`Validating ${uri} failed: ${String(error)}`));
    };
    // No debounce: check once the messages already received are handled (a 0 ms timer waits 1 ms).
    if (delayMs <= 0) {
      const immediate = setImmediate(run);
      this.timers.set(uri, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(run, delayMs);
      this.timers.set(uri, () => clearTimeout(timer));
    }
  }

  private async publish(document: TextDocument, what: 'diagnostics' | 'status-only'): Promise<void> {
    const { uri, version } = document;
    const analysis = await this.options.analyzer.analysisFor(document);
    // A newer version, or a settings change, has its own check on the way: this result is stale.
    if (this.options.documents.get(uri)?.version !== version) return;
    if ((await this.options.analyzer.analysisFor(document)) !== analysis) return;
    if (what === 'diagnostics') {
      if (analysis.kind === 'ignored') {
        if (this.published.delete(uri)) await this.options.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      } else {
        this.published.add(uri);
        await this.options.connection.sendDiagnostics({ uri, version, diagnostics: analysis.diagnostics });
      }
    }
    this.sendStatus(uri, analysis);
  }

  /** Tells the client the schema and counts of an assessment, and when a document stops being one. */
  private sendStatus(uri: string, analysis: Analysis): void {
    if (analysis.kind === 'assessment') {
      this.withStatus.add(uri);
      void this.options.connection.sendNotification(DocumentStatusNotification.type, { textDocument: { uri }, schema: analysis.schemaLabel, counts: analysis.counts });
    } else if (this.withStatus.delete(uri)) {
      void this.options.connection.sendNotification(DocumentStatusNotification.type, { textDocument: { uri }, schema: null, counts: { errors: 0, warnings: 0, infos: 0, hints: 0 } });
    }
  }

  private refresh(): void {
    if (this.options.refreshSupport) this.options.connection.languages.diagnostics.refresh().catch((error: unknown) => this.options.log(`Diagnostics refresh failed: ${String(error)}`));
  }

  private resultIdOf(analysis: Analysis): string {
    let id = this.resultIds.get(analysis);
    if (!id) {
      id = String(this.nextResultId++);
      this.resultIds.set(analysis, id);
    }
    return id;
  }
}
