/**
 * The VS Code side of Tradecraft: starts the language server and wires the views (Assessment
 * Outline, Structured Preview, status bar) and commands around it. `activate` returns the pieces
 * that hold state, so tests await real events instead of sleeping.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands/index.js';
import { OUTPUT_CHANNEL_NAME } from './constants.js';
import { createLanguageClient } from './languageClient.js';
import { showOutlinesOnce } from './outline/firstReveal.js';
import { OutlineProvider } from './outline/outlineProvider.js';
import { registerOutlineView, type OutlineTreeDataProvider } from './outline/outlineView.js';
import { StructuredPreview } from './preview/previewPanel.js';
import { SchemaCache } from './schemas.js';
import { registerStatusBar } from './status/statusBar.js';

export interface TradecraftApi {
  client: LanguageClient;
  /** The active assessment's outline, as the views show it. */
  outline: OutlineProvider;
  /** The Assessment Outline view's data. */
  outlineTree: OutlineTreeDataProvider;
  preview: StructuredPreview;
  /** Settles when the language server has started (rejects when it could not). */
  ready: Promise<void>;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): TradecraftApi {
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  client = createLanguageClient(context, output);
  const languageClient = client;
  const ready = languageClient.start();
  ready.catch((error: unknown) => output.error(`The Tradecraft language server did not start: ${String(error)}`));

  const schemas = new SchemaCache();
  const outline = new OutlineProvider(languageClient, ready, (document) => document.languageId === 'markdown');
  const { provider: outlineTree, disposable: outlineView } = registerOutlineView(outline, schemas);
  const preview = new StructuredPreview(outline, schemas);

  const restart = async (): Promise<void> => {
    await languageClient.restart();
    outline.refresh();
  };

  context.subscriptions.push(
    output,
    schemas,
    outline,
    outlineView,
    preview,
    registerStatusBar(outline),
    showOutlinesOnce(context.globalState, outline),
    registerCommands({ extensionUri: context.extensionUri, client: languageClient, ready, outline, preview, schemas, restart }),
    // The server is told whether the workspace is trusted when it starts.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()),
  );

  return { client: languageClient, outline, outlineTree, preview, ready };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
