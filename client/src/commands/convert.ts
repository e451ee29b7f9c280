/**
 * Convert to Structured Assessment: applies every safe fix the server offers for the document
 * (`source.fixAll.tradecraft`: title lines and lead-ins become headings, and the like). A Markdown
 * file that is not an assessment yet first gets the front matter that makes it one.
 */
import * as vscode from 'vscode';
import { FIX_ALL_KIND } from '../../../server/src/protocol.js';
import type { OutlineProvider } from '../outline/outlineProvider.js';
import { frontMatter, frontMatterReference } from '../templates/frontMatter.js';
import { pickSchema } from './schemaPick.js';

export interface ConvertOptions {
  /** The schema to declare when the document is not an assessment yet; asked when absent. */
  schema?: string;
}

export interface ConvertResult {
  /** Whether front matter was added to make the document an assessment. */
  declared: boolean;
  /** How many fix-all actions were applied (the server offers one covering every safe fix). */
  applied: number;
}

export async function convertToStructured(outline: OutlineProvider, document: vscode.TextDocument, options: ConvertOptions = {}): Promise<ConvertResult | undefined> {
  let declared = false;
  if ((await outline.request(document.uri)) === null) {
    const reference = options.schema ?? (await pickSchema('Convert to Structured Assessment: which schema does it follow?'));
    if (!reference) return undefined;
    const edit = new vscode.WorkspaceEdit();
    const documentPath = document.uri.scheme === 'file' ? document.uri.fsPath : undefined;
    edit.insert(document.uri, new vscode.Position(0, 0), frontMatter(frontMatterReference(reference, documentPath)));
    if (!(await vscode.workspace.applyEdit(edit))) return undefined;
    declared = true;
  }

  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
    'vscode.executeCodeActionProvider',
    document.uri,
    whole,
    FIX_ALL_KIND,
    // Resolve the action so its edit is filled in even if the server computes edits lazily.
    1,
  );
  const fixAll = vscode.CodeActionKind.Empty.append(FIX_ALL_KIND);
  let applied = 0;
  for (const action of actions ?? []) {
    if (!('kind' in action) || !action.kind || !fixAll.contains(action.kind)) continue;
    if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) break;
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...((action.command.arguments ?? []) as unknown[]));
    applied++;
  }
  const what = applied > 0 ? 'applied the safe fixes' : 'found nothing to convert';
  void vscode.window.showInformationMessage(`Tradecraft ${declared ? 'marked the document as an assessment and ' : ''}${what}.`);
  return { declared, applied };
}
