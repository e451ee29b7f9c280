/** Every command the extension contributes, registered in one place (their ids live in constants.ts). */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands } from '../constants.js';
import { revealLine } from '../editorReveal.js';
import type { OutlineProvider } from '../outline/outlineProvider.js';
import type { StructuredPreview } from '../preview/previewPanel.js';
import type { SchemaCache } from '../schemas.js';
import { convertToStructured } from './convert.js';
import { insertScenario } from './insertScenario.js';
import { lintWorkspace } from './lintWorkspace.js';
import { newAssessment } from './newAssessment.js';
import { openRuleDocs } from './ruleDocs.js';

export interface CommandContext {
  extensionUri: vscode.Uri;
  client: LanguageClient;
  ready: Promise<void>;
  outline: OutlineProvider;
  preview: StructuredPreview;
  schemas: SchemaCache;
  /** Restarts the server (the client and its views stay). */
  restart: () => Promise<void>;
}

export function registerCommands(context: CommandContext): vscode.Disposable {
  const { outline, preview, schemas } = context;
  const register = (id: string, run: (...args: unknown[]) => unknown): vscode.Disposable => vscode.commands.registerCommand(id, run);
  return vscode.Disposable.from(
    register(Commands.newAssessment, (options) => {
      const { schema, target } = recordOf(options);
      return newAssessment(schemas, { ...(typeof schema === 'string' ? { schema } : {}), ...(target instanceof vscode.Uri ? { target } : {}) });
    }),
    register(Commands.insertScenario, () => insertScenario(outline, schemas)),
    register(Commands.convertToStructured, async (target, options) => {
      const document = await documentFor(target);
      if (!document) {
        void vscode.window.showWarningMessage('Tradecraft: open a Markdown document to convert.');
        return undefined;
      }
      const { schema } = recordOf(options);
      return convertToStructured(outline, document, typeof schema === 'string' ? { schema } : {});
    }),
    register(Commands.showPreview, () => preview.show()),
    register(Commands.lintWorkspace, () => lintWorkspace(context.client, context.ready)),
    // The server's code action passes `[ruleId, url]`; the url is not needed here.
    register(Commands.openRuleDocs, (ruleId) => openRuleDocs(context.extensionUri, ruleId)),
    register(Commands.restartServer, () => context.restart()),
    register(Commands.revealLine, (uri, line) => {
      if (!(uri instanceof vscode.Uri) || typeof line !== 'number' || !Number.isInteger(line) || line < 1) return undefined;
      return revealLine(uri, line);
    }),
  );
}

/** The document a command acts on: the given one (a Uri, e.g. from the Explorer, shown so the change is seen) or the active editor's. */
async function documentFor(target: unknown): Promise<vscode.TextDocument | undefined> {
  if (target instanceof vscode.Uri) return (await vscode.window.showTextDocument(target)).document;
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === 'markdown' ? document : undefined;
}

/** Options passed by other extensions or tests are untrusted: read them field by field. */
function recordOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) ? (value as Record<string, unknown>) : {};
}
