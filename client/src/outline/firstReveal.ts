/**
 * VS Code shows the views that extensions add to the Explorer collapsed, so a newcomer would not
 * see the Assessment Outline (or the Outline beside it) until they found and opened it. The first
 * time an assessment is shown, both views are opened once, without taking focus from the editor.
 * After that the user's own layout wins: collapsing them again sticks.
 */
import * as vscode from 'vscode';
import { Views } from '../constants.js';
import type { OutlineProvider } from './outlineProvider.js';

/** Set once the views were shown; kept per user, not per workspace. */
export const OUTLINES_SHOWN_KEY = 'tradecraft.outlinesShownOnce';

/** The views shown: VS Code's Outline (document symbols) and the Assessment Outline. */
const VIEWS = ['outline', Views.assessmentOutline];

export function showOutlinesOnce(state: vscode.Memento, outline: OutlineProvider): vscode.Disposable {
  if (state.get<boolean>(OUTLINES_SHOWN_KEY)) return new vscode.Disposable(() => {});
  const subscription = outline.onDidChange((snapshot) => {
    if (!snapshot || state.get<boolean>(OUTLINES_SHOWN_KEY)) return;
    subscription.dispose();
    void state.update(OUTLINES_SHOWN_KEY, true);
    void showViews();
  });
  return subscription;
}

async function showViews(): Promise<void> {
  for (const view of VIEWS) {
    // Every view has a `<id>.focus` command; `preserveFocus` opens and expands it and leaves the
    // cursor in the editor. A view this VS Code does not have is skipped.
    await vscode.commands.executeCommand(`${view}.focus`, { preserveFocus: true }).then(undefined, () => undefined);
  }
}
