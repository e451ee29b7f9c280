/** New Assessment: a new `*.assessment.md` file holding the skeleton of the chosen schema, ready to fill in. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SchemaCache } from '../schemas.js';
import { frontMatter, frontMatterReference } from '../templates/frontMatter.js';
import { assessmentSnippet } from '../templates/skeleton.js';
import { escapeSnippetText } from '../templates/snippetText.js';
import { pickSchema } from './schemaPick.js';

export interface NewAssessmentOptions {
  /** `builtin:NAME` or an absolute schema path; asked when absent. */
  schema?: string;
  /** The file to create; asked when absent (an untitled document when there is no folder). */
  target?: vscode.Uri;
}

export async function newAssessment(schemas: SchemaCache, options: NewAssessmentOptions = {}): Promise<vscode.TextEditor | undefined> {
  const reference = options.schema ?? (await pickSchema('New Assessment'));
  if (!reference) return undefined;
  const schema = schemas.load(reference);
  if (!schema) {
    void vscode.window.showErrorMessage(`Tradecraft: the schema ${reference} cannot be loaded; open it to see its problems.`);
    return undefined;
  }

  const target = options.target ?? (await askForTarget());
  let document: vscode.TextDocument;
  if (target === null) {
    document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  } else if (target === undefined) {
    return undefined;
  } else {
    if (await exists(target)) {
      void vscode.window.showErrorMessage(`Tradecraft: ${vscode.workspace.asRelativePath(target)} already exists; New Assessment does not overwrite files.`);
      return undefined;
    }
    await vscode.workspace.fs.writeFile(target, new Uint8Array());
    document = await vscode.workspace.openTextDocument(target);
  }

  const editor = await vscode.window.showTextDocument(document);
  const declared = frontMatter(frontMatterReference(reference, target ? target.fsPath : undefined));
  await editor.insertSnippet(new vscode.SnippetString(escapeSnippetText(declared) + assessmentSnippet(schema)), new vscode.Position(0, 0));
  return editor;
}

/** The file to create, null for an untitled document (no folder open), undefined when the user cancels. */
async function askForTarget(): Promise<vscode.Uri | null | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return null;
  const active = vscode.window.activeTextEditor?.document.uri;
  const directory = active?.scheme === 'file' && vscode.workspace.getWorkspaceFolder(active) ? vscode.Uri.file(path.dirname(active.fsPath)) : folder.uri;
  const picked = await vscode.window.showSaveDialog({
    title: 'New Assessment',
    defaultUri: await freeName(directory),
    filters: { Assessments: ['assessment.md', 'md'] },
    saveLabel: 'Create',
  });
  return picked ?? undefined;
}

async function freeName(directory: vscode.Uri): Promise<vscode.Uri> {
  for (let index = 1; ; index++) {
    const candidate = vscode.Uri.joinPath(directory, index === 1 ? 'new.assessment.md' : `new-${index}.assessment.md`);
    if (!(await exists(candidate))) return candidate;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
