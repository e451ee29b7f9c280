/**
 * Schemas on the client side, for what the server's outline does not carry: field titles and
 * required fields (outline, preview) and the templates of New Assessment and Insert Scenario.
 * Loaded with the core's own loader, so a schema means the same thing here as in the server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { builtinSchema, BUILTIN_PREFIX, loadSchema, type SchemaHost } from '../../server/src/core/schema/load.js';
import type { Schema } from '../../server/src/core/schema/types.js';
import type { FieldInfo } from './outline/outlineTree.js';

const diskHost: SchemaHost = {
  readFile(filePath) {
    try {
      return fs.readFileSync(filePath, 'utf8');
    } catch {
      return undefined;
    }
  },
};

export class SchemaCache implements vscode.Disposable {
  private readonly loaded = new Map<string, Schema | undefined>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/tradecraft.schema.{yaml,yml,json}');

  constructor() {
    // Any schema file may be extended by another: forget them all when one changes.
    const forget = (): void => this.loaded.clear();
    this.watcher.onDidChange(forget);
    this.watcher.onDidCreate(forget);
    this.watcher.onDidDelete(forget);
  }

  /**
   * The schema a label from the server names (`builtin:standard`, a folder-relative or an absolute
   * path), or undefined when it cannot be loaded (the server reports why).
   */
  forLabel(label: string, documentUri: vscode.Uri): Schema | undefined {
    if (label.startsWith(BUILTIN_PREFIX)) return this.load(label);
    if (path.isAbsolute(label)) return this.load(label);
    const folder = vscode.workspace.getWorkspaceFolder(documentUri) ?? vscode.workspace.workspaceFolders?.[0];
    return folder ? this.load(path.join(folder.uri.fsPath, label)) : undefined;
  }

  /** A built-in reference or an absolute path. */
  load(reference: string): Schema | undefined {
    if (!this.loaded.has(reference)) {
      const folders = vscode.workspace.workspaceFolders?.map((folder) => folder.uri.fsPath) ?? [];
      // Untrusted workspaces: `extends` stays inside the workspace, as in the server.
      const options = vscode.workspace.isTrusted ? {} : { allowedRoots: folders };
      const result = loadSchema(reference, diskHost, options);
      this.loaded.set(reference, result.ok ? result.schema : undefined);
    }
    return this.loaded.get(reference);
  }

  dispose(): void {
    this.watcher.dispose();
  }
}

export function fieldInfo(schema: Schema | undefined): FieldInfo[] {
  return (schema ?? builtinSchema()).scenarios.fields.map(({ id, title, required }) => ({ id, title, required }));
}

export function bottomLineSectionId(schema: Schema | undefined): string | undefined {
  return (schema ?? builtinSchema()).sections.find((section) => section.role === 'bottom-line')?.id;
}
