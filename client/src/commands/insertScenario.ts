/** Insert Scenario: a scenario with the fields the document's schema asks for, as a snippet at the cursor. */
import * as vscode from 'vscode';
import { builtinSchema } from '../../../server/src/core/schema/load.js';
import type { OutlineProvider } from '../outline/outlineProvider.js';
import type { SchemaCache } from '../schemas.js';
import { scenarioSnippet } from '../templates/skeleton.js';

export async function insertScenario(outline: OutlineProvider, schemas: SchemaCache): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showWarningMessage('Tradecraft: open an assessment to insert a scenario.');
    return false;
  }
  const snapshot = outline.current();
  const schema = (snapshot && snapshot.uri.toString() === editor.document.uri.toString() ? schemas.forLabel(snapshot.result.schema, snapshot.uri) : undefined) ?? builtinSchema();

  // A scenario is a block of its own: on a line with text, it goes below, after a blank line.
  const position = editor.selection.active;
  const line = editor.document.lineAt(position.line);
  if (line.isEmptyOrWhitespace) return editor.insertSnippet(new vscode.SnippetString(scenarioSnippet(schema)), line.range.start);
  return editor.insertSnippet(new vscode.SnippetString(`\n\n${scenarioSnippet(schema)}`), line.range.end);
}
