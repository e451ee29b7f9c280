/**
 * The outline of the active assessment, kept current: asked of the server (`tradecraft/outline`)
 * when the active editor changes, after each validation (`tradecraft/documentStatus`), when its
 * diagnostics change and, debounced, as it is edited. The tree view, the preview and the status
 * bar all read this one snapshot; tests await `onDidChange` instead of sleeping.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DocumentStatusNotification, OutlineRequest, type OutlineResult } from '../../../server/src/protocol.js';
import { ContextKeys } from '../constants.js';

export interface OutlineSnapshot {
  uri: vscode.Uri;
  /** The document version the outline was computed for. */
  version: number;
  result: OutlineResult;
}

/** Typing settles before the outline is asked again; diagnostics and validations answer sooner. */
const EDIT_DELAY_MS = 300;
const DIAGNOSTICS_DELAY_MS = 50;
/** Editors of documents the user writes in; others (output, git, search results) do not move the outline. */
const FOLLOWED_SCHEMES = new Set(['file', 'untitled']);

export class OutlineProvider implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<OutlineSnapshot | undefined>();
  /** Fires with the new snapshot, or undefined when the active editor holds no assessment. */
  readonly onDidChange = this.changeEmitter.event;

  private snapshot: OutlineSnapshot | undefined;
  /** The document being followed (the last active Markdown editor's). */
  private document: vscode.TextDocument | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private rerun = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
    private readonly isFollowed: (document: vscode.TextDocument) => boolean,
  ) {
    this.disposables.push(
      this.changeEmitter,
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document && event.contentChanges.length > 0) this.schedule(EDIT_DELAY_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.document) this.clear();
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const followed = this.document?.uri.toString();
        if (followed && event.uris.some((uri) => uri.toString() === followed)) this.schedule(DIAGNOSTICS_DELAY_MS);
      }),
      client.onNotification(DocumentStatusNotification.type, (params) => {
        if (params.textDocument.uri === this.document?.uri.toString()) this.schedule(0);
      }),
    );
    this.follow(vscode.window.activeTextEditor);
  }

  /** The outline of the followed document, as last received. */
  current(): OutlineSnapshot | undefined {
    return this.snapshot;
  }

  /** Asks the server for any document's outline (null: not an assessment). */
  async request(uri: vscode.Uri): Promise<OutlineResult | null> {
    await this.ready;
    return this.client.sendRequest(OutlineRequest.type, { textDocument: { uri: this.client.code2ProtocolConverter.asUri(uri) } });
  }

  /** Re-reads the followed document's outline now (e.g. after the server restarted). */
  refresh(): void {
    this.schedule(0);
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    // No document editor (the preview, the Output panel, a diff has focus): keep the last document.
    if (!editor || !FOLLOWED_SCHEMES.has(editor.document.uri.scheme)) return;
    if (!this.isFollowed(editor.document)) {
      this.clear();
      return;
    }
    if (editor.document !== this.document) {
      this.document = editor.document;
      this.schedule(0);
    }
  }

  private clear(): void {
    clearTimeout(this.timer);
    this.document = undefined;
    this.publish(undefined);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  /** One request at a time; a trigger during a request runs one more afterwards, so the last edit always counts. */
  private async update(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.rerun = false;
        const document = this.document;
        if (!document) return;
        const version = document.version;
        let result: OutlineResult | null;
        try {
          result = await this.request(document.uri);
        } catch (error) {
          // The server restarting or a cancelled request: the next trigger asks again.
          this.client.debug(`Outline request failed: ${String(error)}`);
          return;
        }
        if (document !== this.document) {
          this.rerun = true;
          continue;
        }
        this.publish(result ? { uri: document.uri, version, result } : undefined);
      } while (this.rerun);
    } finally {
      this.running = false;
    }
  }

  private publish(snapshot: OutlineSnapshot | undefined): void {
    if (snapshot === undefined && this.snapshot === undefined) return;
    this.snapshot = snapshot;
    void vscode.commands.executeCommand('setContext', ContextKeys.activeEditorIsAssessment, snapshot !== undefined);
    this.changeEmitter.fire(snapshot);
  }

  dispose(): void {
    clearTimeout(this.timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
