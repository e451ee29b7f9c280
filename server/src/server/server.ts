/**
 * The language server: capabilities, and the wiring of LSP messages to the feature modules.
 * Every feature is thin glue over the pure core; the shared state is the document analysis.
 */
import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
  type TextDocumentIdentifier,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Commands, FIX_ALL_KIND, OutlineRequest, type InitializationOptions } from '../protocol.js';
import { SETTINGS_SECTION } from '../settings.js';
import { Analyzer, type AssessmentAnalysis } from './analysis.js';
import { codeActions } from './codeActions.js';
import { COMPLETION_TRIGGER_CHARACTERS, completions } from './completion.js';
import { ChangeLog } from './changes.js';
import { Configuration } from './configuration.js';
import { DocumentDiagnostics } from './diagnostics.js';
import { pathToUri, uriToPath, WorkspaceFolders } from './folders.js';
import { foldingRanges } from './folding.js';
import { hover } from './hover.js';
import { outline } from './outline.js';
import { documentSymbols } from './symbols.js';
import { WATCHED_FILE_GLOBS, WorkspaceDiagnostics } from './workspace.js';

export function startServer(connection: Connection): void {
  const changes = new ChangeLog();
  const documents = new TextDocuments(changes.documents);
  const log = (message: string) => connection.console.error(message);

  // A bug must never take the editor's language server down with it; it is logged and the process lives on.
  process.on('uncaughtException', (error) => log(`Uncaught exception: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => log(`Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    const folders = new WorkspaceFolders();
    folders.set(initialFolders(params));
    const refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
    // Pull only where the client can be told to pull again: some clients (Neovim 0.10/0.11) pull
    // open documents but never ask for workspace diagnostics or take a refresh, and would then
    // never see closed files' findings, nor new ones after a schema change. They get pushes.
    const pull = capabilities.textDocument?.diagnostic !== undefined && refreshSupport;
    const watchesFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const configuration = new Configuration(connection, capabilities.workspace?.configuration === true, options.settings);
    // Set once the diagnostics are wired; a schema change noticed on disk goes through it.
    let schemasChanged = (): void => analyzer.invalidate();
    const analyzer = new Analyzer({ folders, configuration, trusted: options.trusted !== false, cacheFiles: watchesFiles, log, changes, schemaFilesChanged: () => schemasChanged() });
    const mode = pull ? 'pull' : 'push';
    const workspace = new WorkspaceDiagnostics({ connection, documents, analyzer, folders, mode, refreshSupport, log });
    const diagnostics = new DocumentDiagnostics({
      connection,
      documents,
      analyzer,
      configuration,
      folders,
      mode,
      refreshSupport,
      closedFileDiagnostics: (filePath) => workspace.diagnosticsOf(filePath),
      log,
    });
    const ruleDocsCommand = options.clientOpensRuleDocs === true ? Commands.openRuleDocs : Commands.showRuleDocs;
    wireFeatures({ connection, documents, analyzer, capabilities, ruleDocsCommand, log });
    schemasChanged = wireDiagnostics({ connection, documents, analyzer, configuration, diagnostics, workspace, folders, capabilities, log });
    return { capabilities: serverCapabilities(pull, ruleDocsCommand), serverInfo: { name: 'tradecraft' } };
  });

  documents.listen(connection);
  connection.listen();
}

function serverCapabilities(pull: boolean, ruleDocsCommand: string): ServerCapabilities {
  const capabilities: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
    hoverProvider: true,
    documentSymbolProvider: { label: 'Tradecraft' },
    foldingRangeProvider: true,
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
  // The server runs its command only for clients that do not run their own.
  if (ruleDocsCommand === Commands.showRuleDocs) capabilities.executeCommandProvider = { commands: [Commands.showRuleDocs] };
  // A schema file changes the findings of other documents, hence inter-file dependencies.
  if (pull) capabilities.diagnosticProvider = { identifier: 'tradecraft', interFileDependencies: true, workspaceDiagnostics: true };
  return capabilities;
}

function initialFolders(params: InitializeParams): WorkspaceFolder[] {
  if (params.workspaceFolders) return params.workspaceFolders;
  const rootUri = params.rootUri ?? (params.rootPath ? pathToUri(params.rootPath) : null);
  return rootUri ? [{ uri: rootUri, name: path.basename(rootUri) }] : [];
}

interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analyzer: Analyzer;
  capabilities: ClientCapabilities;
  ruleDocsCommand: string;
  log: (message: string) => void;
}

/** Requests about one document, answered from its analysis (null for documents that are not assessments). */
function wireFeatures({ connection, documents, analyzer, capabilities, ruleDocsCommand, log }: FeatureContext): void {
  const onAssessment = <P extends { textDocument: TextDocumentIdentifier }, R>(method: string, answer: (analysis: AssessmentAnalysis, document: TextDocument, params: P) => R) =>
    guard(method, log, async (params: P): Promise<R | null> => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const analysis = await analyzer.analysisFor(document);
      return analysis.kind === 'assessment' ? answer(analysis, document, params) : null;
    });

  const documentChanges = capabilities.workspace?.workspaceEdit?.documentChanges === true;
  const snippetSupport = capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;

  connection.onCodeAction(onAssessment('textDocument/codeAction', (analysis, document, params) => codeActions(analysis, document, params, { documentChanges, ruleDocsCommand })));
  connection.onExecuteCommand(guard('workspace/executeCommand', log, (params) => showRuleDocs(connection, capabilities, params.command, params.arguments)));
  connection.onCompletion(onAssessment('textDocument/completion', (analysis, _document, params) => completions(analysis, params.position, params.context, { snippetSupport })));
  connection.onHover(onAssessment('textDocument/hover', (analysis, _document, params) => hover(analysis, params.position)));
  connection.onDocumentSymbol(onAssessment('textDocument/documentSymbol', (analysis) => documentSymbols(analysis)));
  connection.onFoldingRanges(onAssessment('textDocument/foldingRange', (analysis) => foldingRanges(analysis)));
  const outlineOf = onAssessment(OutlineRequest.method, (analysis) => outline(analysis));
  // `{ textDocument: { uri } }` as LSP requests take it; `{ uri }` is accepted too.
  connection.onRequest(OutlineRequest.type, (params: unknown, token) => {
    const uri = outlineUri(params);
    if (uri === undefined) throw new ResponseError(ErrorCodes.InvalidParams, `${OutlineRequest.method} takes { textDocument: { uri } }.`);
    return outlineOf({ textDocument: { uri } }, token);
  });
}

interface DiagnosticsContext extends Omit<FeatureContext, 'ruleDocsCommand'> {
  configuration: Configuration;
  diagnostics: DocumentDiagnostics;
  workspace: WorkspaceDiagnostics;
  folders: WorkspaceFolders;
}

/**
 * Document lifecycle, configuration, watched files and workspace folders: what makes diagnostics
 * current. Returns what to do when settings or schemas change.
 */
function wireDiagnostics(context: DiagnosticsContext): () => void {
  const { connection, documents, analyzer, configuration, diagnostics, workspace, folders, capabilities, log } = context;
  const opened = new Set<string>();
  const report = (what: string) => (error: unknown) => log(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);

  documents.onDidChangeContent(({ document }) => {
    const first = !opened.has(document.uri);
    if (first) {
      opened.add(document.uri);
      workspace.documentOpened(document.uri);
    }
    diagnostics.changed(document, first).catch(report(`Validating ${document.uri}`));
  });
  const watchesFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  documents.onDidSave(({ document }) => {
    // Without file watching, saving a schema file is the only sign that it changed.
    const filePath = uriToPath(document.uri);
    if (!watchesFiles && filePath !== undefined && analyzer.isSchemaSource(filePath)) schemasChanged();
    diagnostics.saved(document);
  });
  documents.onDidClose(({ document }) => {
    opened.delete(document.uri);
    diagnostics.closed(document.uri, workspace.documentClosed(document.uri));
  });

  const schemasChanged = () => {
    analyzer.invalidate();
    diagnostics.revalidateAll();
    workspace.revalidateAll();
  };

  connection.onDidChangeConfiguration((params) => {
    configuration.changed(params);
    schemasChanged();
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (workspace.filesChanged(changes).schemaChanged) schemasChanged();
  });

  const pull = diagnostics.mode === 'pull';
  if (pull) {
    connection.languages.diagnostics.on(guard('textDocument/diagnostic', log, (params, token) => diagnostics.pull(params, token)));
    connection.languages.diagnostics.onWorkspace(guard('workspace/diagnostic', log, (params) => workspace.pull(params)));
  }

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(report('Registering for configuration changes'));
    }
    if (watchesFiles) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_FILE_GLOBS.map((globPattern) => ({ globPattern })) }).catch(report('Registering file watchers'));
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        workspace.removeFolders(folders.remove(removed));
        folders.add(added);
        // Documents may now belong to another folder, with its own settings and schemas; new folders get scanned.
        schemasChanged();
      });
    }
    workspace.scan();
  });
  return schemasChanged;
}

/** The document a `tradecraft/outline` request names, in either shape it accepts. */
function outlineUri(params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const { textDocument, uri } = params as { textDocument?: { uri?: unknown }; uri?: unknown };
  const value = textDocument?.uri ?? uri;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Wraps a request handler: an exception is logged to the client's console and answered as an
 * error response, never left to the process.
 */
function guard<P, R, T>(method: string, log: (message: string) => void, handler: (params: P, token: T) => R | Promise<R>): (params: P, token: T) => Promise<R> {
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log(`${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      throw new ResponseError(ErrorCodes.InternalError, `Tradecraft could not answer ${method}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/**
 * `tradecraft.server.showRuleDocs [ruleId, url]`: asks the client to open the rule's page in a
 * browser, or, where it cannot show documents, names the page in a message.
 */
async function showRuleDocs(connection: Connection, capabilities: ClientCapabilities, command: string, args: unknown[] | undefined): Promise<null> {
  const [rule, url] = args ?? [];
  if (command !== Commands.showRuleDocs || typeof rule !== 'string' || typeof url !== 'string' || !url.startsWith('https://')) {
    throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command or arguments: ${command}`);
  }
  if (capabilities.window?.showDocument?.support) {
    const shown = await connection.window.showDocument({ uri: url, external: true });
    if (shown.success) return null;
  }
  // A notification, not `showInformationMessage` (a request with buttons that some clients do not answer).
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Documentation for ${rule}: ${url}` });
  return null;
}
