/** The status-bar item: schema in use and error/warning counts of the active assessment; a click opens Problems. */
import * as vscode from 'vscode';
import type { OutlineProvider, OutlineSnapshot } from '../outline/outlineProvider.js';
import { statusText } from './statusText.js';

export function registerStatusBar(outline: OutlineProvider): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('tradecraft.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Tradecraft';
  item.command = 'workbench.actions.view.problems';
  const update = (snapshot: OutlineSnapshot | undefined): void => {
    if (!snapshot) {
      item.hide();
      return;
    }
    const { text, tooltip } = statusText(snapshot.result.schema, snapshot.result.counts);
    item.text = text;
    item.tooltip = tooltip;
    item.show();
  };
  update(outline.current());
  return vscode.Disposable.from(item, outline.onDidChange(update));
}
