/** Choosing a schema: the built-in ones and the schema files of the workspace. */
import * as vscode from 'vscode';
import { BUILTIN_SCHEMAS } from '../../../server/src/core/schema/builtin.js';
import { BUILTIN_PREFIX } from '../../../server/src/core/schema/load.js';

interface SchemaItem extends vscode.QuickPickItem {
  /** `builtin:NAME` or an absolute path. */
  reference: string;
}

/** Asks which schema to use; with a single candidate there is nothing to ask. */
export async function pickSchema(title: string): Promise<string | undefined> {
  const files = await vscode.workspace.findFiles('**/tradecraft.schema.{yaml,yml,json}', '**/node_modules/**', 50);
  const items: SchemaItem[] = [
    ...files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), description: 'workspace schema', reference: uri.fsPath })),
    ...Object.keys(BUILTIN_SCHEMAS).map((name) => ({ label: BUILTIN_PREFIX + name, description: 'built-in schema', reference: BUILTIN_PREFIX + name })),
  ];
  if (items.length === 1) return items[0]!.reference;
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Schema the assessment follows' });
  return picked?.reference;
}
