/**
 * A minimal LSP client for protocol tests: spawns the real bundled server (`dist/server.js --stdio`),
 * answers the requests a client must answer (configuration, registrations, refresh), records every
 * notification, and lets tests await the one they expect instead of sleeping.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ConfigurationParams,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type RegistrationParams,
} from 'vscode-languageserver-protocol/node';
import { Engine, type Finding } from '../../server/src/core/index.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SERVER_PATH = path.join(PROJECT_ROOT, 'dist/server.js');
export const CORPUS_PATH = path.resolve(PROJECT_ROOT, '../shared/corpus/us-01-oman-talks.md');
export const CORPUS_TEXT = readFileSync(CORPUS_PATH, 'utf8');
export const RULE_DOCS = 'https://github.com/tradecraft-dev/tradecraft/blob/main/docs/rules/';

/** What a full-featured push client (no pull diagnostics) announces. */
export const PUSH_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
  },
};

/** A client that pulls diagnostics (as VS Code's does). */
export const PULL_CAPABILITIES: ClientCapabilities = {
  workspace: { ...PUSH_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
  textDocument: { ...PUSH_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
};

export interface StartOptions {
  capabilities?: ClientCapabilities;
  /** Workspace folders (absolute paths); the first is also the root. */
  folders?: string[];
  /** The `tradecraft` section returned for `workspace/configuration`, per scope URI. */
  settings?: (scopeUri: string | undefined) => unknown;
  initializationOptions?: unknown;
  /** Options for the server's Node process (e.g. a heap limit). */
  nodeArgs?: string[];
}

interface Recorded {
  method: string;
  params: unknown;
}

export class TestClient {
  readonly notifications: Recorded[] = [];
  readonly registrations: Registration[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  refreshRequests = 0;
  private readonly refreshWaiters: (() => void)[] = [];
  private readonly waiters: { method: string; predicate: (params: unknown) => boolean; resolve: (params: unknown) => void }[] = [];
  private readonly versions = new Map<string, number>();
  private stderr = '';

  /** The server's process id. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** What the server answered to `initialize`. */
  initializeResult!: InitializeResult;

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly child: ChildProcessWithoutNullStreams,
  ) {
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_PATH, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(connection, child);
    const settings = options.settings ?? (() => ({}));
    // No notification handlers are registered, so every notification arrives here, where it is recorded.
    connection.onUnhandledNotification(({ method, params }) => client.record(method, params));
    connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      client.configurationRequests.push(params);
      return params.items.map((item) => (item.section === 'tradecraft' ? settings(item.scopeUri) : null));
    });
    connection.onRequest('client/registerCapability', (params: RegistrationParams) => {
      client.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshRequests++;
      for (const resolve of client.refreshWaiters.splice(0)) resolve();
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();

    const folders = options.folders ?? [];
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? pathToFileURL(folders[0]).href : null,
      workspaceFolders: folders.length ? folders.map((folder) => ({ uri: pathToFileURL(folder).href, name: path.basename(folder) })) : null,
      capabilities: options.capabilities ?? PUSH_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** Resolves with the next notification of `method` matching the predicate (registered before the action that causes it). */
  next<P>(method: string, predicate: (params: P) => boolean = () => true): Promise<P> {
    return new Promise((resolve) => {
      this.waiters.push({ method, predicate: predicate as (params: unknown) => boolean, resolve: resolve as (params: unknown) => void });
    });
  }

  nextDiagnostics(uri: string, predicate: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return this.next<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (params) => params.uri === uri && predicate(params));
  }

  /** The latest diagnostics published for the uri if they match, else the next that do (for what the server does unasked, like the workspace scan). */
  diagnosticsMatching(uri: string, predicate: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    const latest = this.published(uri).at(-1);
    if (latest && predicate(latest)) return Promise.resolve(latest);
    return this.nextDiagnostics(uri, predicate);
  }

  /** Resolves on the next `workspace/diagnostic/refresh` request from the server. */
  nextRefresh(): Promise<void> {
    return new Promise((resolve) => this.refreshWaiters.push(resolve));
  }

  published(uri: string): PublishDiagnosticsParams[] {
    return this.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === uri).map((n) => n.params as PublishDiagnosticsParams);
  }

  logMessages(): string[] {
    return this.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Sends edits as ranges, as editors do with a server that syncs incrementally. */
  async changeRanges(uri: string, changes: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async stop(): Promise<void> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.child.exitCode !== null) resolve(this.child.exitCode);
      else this.child.once('exit', (code) => resolve(code));
    });
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      const code = await exited;
      this.connection.dispose();
      if (code !== 0 && this.stderr) process.stderr.write(this.stderr);
    }
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  private record(method: string, params: unknown): void {
    this.notifications.push({ method, params });
    for (const waiter of [...this.waiters]) {
      if (waiter.method !== method || !waiter.predicate(params)) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(params);
    }
  }
}

/** A fresh temporary folder, removed by the returned cleanup. */
/**
 * One server for a whole test file: started before its tests with a temporary workspace folder,
 * stopped after them. `started` receives the client and the folder.
 */
export function serverForFile(started: (client: TestClient, folder: string) => void): void {
  let client: TestClient | undefined;
  let cleanup = () => {};
  before(async () => {
    const workspace = tempFolder();
    cleanup = workspace.cleanup;
    client = await TestClient.start({ folders: [workspace.folder] });
    started(client, workspace.folder);
  });
  after(async () => {
    await client?.stop();
    cleanup();
  });
}

export function tempFolder(prefix = 'tradecraft-protocol-'): { folder: string; cleanup: () => void } {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  return { folder, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

export function uriOf(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/** What the core's engine finds for the text, read with the same disk schemas as the server. */
export function engineFindings(text: string, documentPath: string, workspaceRoot: string, extra: { ruleSettings?: Record<string, 'error' | 'warning' | 'info' | 'hint' | 'off'>; schemaSettings?: Record<string, string> } = {}): Finding[] {
  const engine = new Engine({
    readFile: (filePath) => {
      try {
        return readFileSync(filePath, 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  return engine.check({ text, documentPath, workspaceRoot, ...extra }).findings;
}

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;

/** The LSP diagnostics the contract says a finding becomes (written out here, independently of the server's converter). */
export function expectedDiagnostics(findings: readonly Finding[], uri: string): Diagnostic[] {
  return findings.map((finding) => {
    const diagnostic: Diagnostic = {
      range: finding.range,
      severity: SEVERITY[finding.severity],
      code: finding.rule,
      codeDescription: { href: `${RULE_DOCS}${finding.rule}.md` },
      source: 'tradecraft',
      message: finding.message,
    };
    if (finding.related?.length) diagnostic.relatedInformation = finding.related.map((related) => ({ location: { uri, range: related.range }, message: related.message }));
    const lspFix = (fix: NonNullable<Finding['fix']>) => ({ title: fix.title, safe: fix.safe, edits: fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })) });
    const data: Record<string, unknown> = {};
    if (finding.fix) data.fix = lspFix(finding.fix);
    if (finding.suggestions?.length) data.suggestions = finding.suggestions.map(lspFix);
    if (Object.keys(data).length > 0) diagnostic.data = data;
    return diagnostic;
  });
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyTextEdits(text: string, edits: readonly { range: Diagnostic['range']; newText: string }[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') lineStarts.push(i + 1);
  }
  const offsetAt = (position: { line: number; character: number }) => Math.min((lineStarts[position.line] ?? text.length) + position.character, text.length);
  const sorted = [...edits].sort((a, b) => offsetAt(b.range.start) - offsetAt(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offsetAt(edit.range.start)) + edit.newText + result.slice(offsetAt(edit.range.end));
  return result;
}
