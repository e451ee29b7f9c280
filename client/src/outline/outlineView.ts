/** The Assessment Outline view in the Explorer: the plain tree of `outlineTree.ts` as VS Code tree items. */
import * as vscode from 'vscode';
import { Commands, Views } from '../constants.js';
import { tradecraftFindings } from '../findings.js';
import { fieldInfo, type SchemaCache } from '../schemas.js';
import { buildOutlineTree, type OutlineIcon, type OutlineNode } from './outlineTree.js';
import type { OutlineProvider, OutlineSnapshot } from './outlineProvider.js';

const ICONS: Record<OutlineIcon, vscode.ThemeIcon> = {
  actors: new vscode.ThemeIcon('organization'),
  actor: new vscode.ThemeIcon('person'),
  position: new vscode.ThemeIcon('quote'),
  mention: new vscode.ThemeIcon('mention'),
  scenarios: new vscode.ThemeIcon('git-compare'),
  scenario: new vscode.ThemeIcon('telescope'),
  'scenario-warning': new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  field: new vscode.ThemeIcon('symbol-field'),
  'field-missing': new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('list.warningForeground')),
};

export class OutlineTreeDataProvider implements vscode.TreeDataProvider<OutlineNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private roots: OutlineNode[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly outline: OutlineProvider,
    private readonly schemas: SchemaCache,
  ) {
    this.subscription = outline.onDidChange((snapshot) => this.update(snapshot));
    this.update(outline.current());
  }

  /** The current roots (for tests and the view's message). */
  nodes(): readonly OutlineNode[] {
    return this.roots;
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    const state =
      node.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : node.expanded
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = ICONS[node.icon];
    item.contextValue = node.icon;
    const uri = this.outline.current()?.uri;
    if (node.line !== undefined && uri) {
      item.command = { command: Commands.revealLine, title: 'Go to line', arguments: [uri, node.line] };
    }
    return item;
  }

  getChildren(node?: OutlineNode): OutlineNode[] {
    return node ? node.children : this.roots;
  }

  private update(snapshot: OutlineSnapshot | undefined): void {
    this.roots = snapshot ? this.build(snapshot) : [];
    this.changeEmitter.fire();
  }

  private build(snapshot: OutlineSnapshot): OutlineNode[] {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === snapshot.uri.toString());
    return buildOutlineTree(snapshot.result.outline, {
      problems: tradecraftFindings(snapshot.uri),
      fields: fieldInfo(this.schemas.forLabel(snapshot.result.schema, snapshot.uri)),
      lineText: (line) => (document && line >= 1 && line <= document.lineCount ? document.lineAt(line - 1).text : undefined),
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

export function registerOutlineView(outline: OutlineProvider, schemas: SchemaCache): { provider: OutlineTreeDataProvider; disposable: vscode.Disposable } {
  const provider = new OutlineTreeDataProvider(outline, schemas);
  const view = vscode.window.createTreeView(Views.assessmentOutline, { treeDataProvider: provider, showCollapseAll: true });
  return { provider, disposable: vscode.Disposable.from(provider, view) };
}
