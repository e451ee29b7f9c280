/**
 * Just enough of an LSP client to time the real server: spawns `dist/server.js --stdio`, sends
 * initialize / didOpen / didChange, and resolves when the server publishes diagnostics for a given
 * document version (never sleeps). Settings go in `initializationOptions`, as for a client without
 * `workspace/configuration`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

export class BenchClient {
  /** @type {Map<string, (params: any) => void>} */
  #waiters = new Map();
  /** @type {Map<string, number>} */
  #versions = new Map();
  #stderr = '';

  constructor(child, connection, onPublish) {
    this.child = child;
    this.connection = connection;
    this.onPublish = onPublish;
  }

  /**
   * @param {{ serverPath: string, settings: unknown, folders?: string[], nodeArgs?: string[], onPublish?: (params: any) => void }} options
   *   `onPublish` sees every publishDiagnostics, from the workspace scan on
   */
  static async start({ serverPath, settings, folders = [], nodeArgs = [], onPublish = () => {} }) {
    const child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new BenchClient(child, connection, onPublish);
    child.stderr.on('data', (chunk) => (client.#stderr += chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params) => client.#published(params));
    connection.onNotification('window/logMessage', ({ message }) => (client.#stderr += `${message}\n`));
    connection.onUnhandledNotification(() => {});
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? pathToFileURL(folders[0]).href : null,
      workspaceFolders: folders.length ? folders.map((folder) => ({ uri: pathToFileURL(folder).href, name: path.basename(folder) })) : null,
      // A push client: the server publishes diagnostics, debounced by the settings only. It
      // watches files for the server, as VS Code does (so the server may cache schema files).
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
      initializationOptions: { settings },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  get pid() {
    return this.child.pid;
  }

  /** Milliseconds from sending didOpen to the diagnostics of version 1. */
  async open(uri, text) {
    this.#versions.set(uri, 1);
    const published = this.#diagnosticsFor(uri, 1);
    const start = performance.now();
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await published;
    return performance.now() - start;
  }

  /**
   * Milliseconds from sending didChange to the diagnostics of that version. `edit`: a keystroke of
   * bench/edits.mjs, sent as its range change (as editors do; the server syncs incrementally).
   */
  async change(uri, edit) {
    const version = (this.#versions.get(uri) ?? 1) + 1;
    this.#versions.set(uri, version);
    const published = this.#diagnosticsFor(uri, version);
    const start = performance.now();
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [edit.change] });
    await published;
    return performance.now() - start;
  }

  async close(uri) {
    this.#versions.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The server process's peak resident set (VmHWM) and current one (VmRSS), in MB. */
  memory() {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kB = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peakRssMB: kB('VmHWM') / 1024, rssMB: kB('VmRSS') / 1024 };
  }

  async stop() {
    const exited = new Promise((resolve) => (this.child.exitCode !== null ? resolve() : this.child.once('exit', resolve)));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    await exited;
    this.connection.dispose();
  }

  /** What the server logged (stderr and window/logMessage), for error messages. */
  get log() {
    return this.#stderr;
  }

  #diagnosticsFor(uri, version) {
    return new Promise((resolve) => this.#waiters.set(`${uri}#${version}`, resolve));
  }

  #published(params) {
    this.onPublish(params);
    const key = `${params.uri}#${params.version}`;
    const waiter = this.#waiters.get(key);
    if (waiter) {
      this.#waiters.delete(key);
      waiter(params);
    }
  }
}
