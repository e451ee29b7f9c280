/** Showing a line of a document: where the outline view and the preview send the user. */
import * as vscode from 'vscode';

/** Reveals a 1-based line in the editor already showing the document, or opens one. */
export async function revealLine(uri: vscode.Uri, line: number): Promise<vscode.TextEditor> {
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
  const document = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn });
  const target = Math.min(Math.max(line - 1, 0), editor.document.lineCount - 1);
  const position = new vscode.Position(target, editor.document.lineAt(target).firstNonWhitespaceCharacterIndex);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
