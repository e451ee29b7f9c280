/**
 * The Structured Preview: one webview beside the editor that follows the active assessment and
 * re-renders whenever its outline changes (which it does as the user types).
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PREVIEW_VIEW_TYPE } from '../constants.js';
import { revealLine } from '../editorReveal.js';
import { tradecraftFindings } from '../findings.js';
import type { OutlineProvider, OutlineSnapshot } from '../outline/outlineProvider.js';
import { bottomLineSectionId, fieldInfo, type SchemaCache } from '../schemas.js';
import { parsePreviewMessage } from './messages.js';
import { renderPreview } from './renderPreview.js';

export class StructuredPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The document shown; the preview keeps it while focus is elsewhere. */
  private shown: vscode.Uri | undefined;
  /**
   * The panel's script nonce: one per panel, so that a re-render with nothing changed yields the
   * same page and is skipped (each new page reloads the webview's frame, which flickers).
   */
  private nonce = '';
  /** The page last given to the webview. */
  private html = '';
  private readonly renderedEmitter = new vscode.EventEmitter<string>();
  /** Fires with the HTML each time the preview renders (tests read what the user sees). */
  readonly onDidRender = this.renderedEmitter.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly outline: OutlineProvider,
    private readonly schemas: SchemaCache,
  ) {
    this.subscriptions.push(
      this.renderedEmitter,
      outline.onDidChange((snapshot) => {
        if (!this.panel) return;
        if (snapshot) this.render(snapshot);
        else this.renderNotAssessment(vscode.window.activeTextEditor?.document);
      }),
    );
  }

  /** Opens the preview beside the editor (or brings it forward) for the active assessment. */
  show(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      this.panel = vscode.window.createWebviewPanel(
        PREVIEW_VIEW_TYPE,
        'Structured Preview',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        // No local resources: the page is self-contained, so it may load nothing at all.
        { enableScripts: true, enableCommandUris: false, localResourceRoots: [] },
      );
      this.nonce = randomBytes(18).toString('base64');
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.shown = undefined;
        this.html = '';
      });
      this.panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message));
    }
    const snapshot = this.outline.current();
    if (snapshot) {
      this.render(snapshot);
    } else {
      this.renderNotAssessment(vscode.window.activeTextEditor?.document);
    }
    return this.panel;
  }

  private render(snapshot: OutlineSnapshot): void {
    if (!this.panel) return;
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === snapshot.uri.toString());
    if (!document) return;
    const schema = this.schemas.forLabel(snapshot.result.schema, snapshot.uri);
    this.shown = snapshot.uri;
    const documentName = path.basename(snapshot.uri.path);
    this.panel.title = `Preview: ${documentName}`;
    this.setHtml(
      renderPreview(
        {
          documentName,
          text: document.getText(),
          result: snapshot.result,
          findings: tradecraftFindings(snapshot.uri),
          fields: fieldInfo(schema),
          bottomLineSectionId: bottomLineSectionId(schema),
        },
        { nonce: this.nonce, cspSource: this.panel.webview.cspSource },
      ),
    );
  }

  private renderNotAssessment(document: vscode.TextDocument | undefined): void {
    if (!this.panel) return;
    this.shown = undefined;
    const documentName = document ? path.basename(document.uri.path) : 'No document';
    this.setHtml(renderPreview({ documentName, text: '', result: null, findings: [] }, { nonce: this.nonce, cspSource: this.panel.webview.cspSource }));
  }

  private setHtml(html: string): void {
    if (!this.panel || html === this.html) return;
    this.html = html;
    this.panel.webview.html = html;
    this.renderedEmitter.fire(html);
  }

  /** Messages come from a page showing document text: only a valid reveal request is acted on. */
  private onMessage(message: unknown): void {
    const uri = this.shown;
    if (!uri) return;
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    const reveal = parsePreviewMessage(message, document?.lineCount ?? 0);
    if (reveal) void revealLine(uri, reveal.line);
  }

  dispose(): void {
    this.panel?.dispose();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
