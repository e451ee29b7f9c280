/**
 * Waiting on real state in the extension host: each helper checks the current state first, then
 * re-checks on the event that changes it. No sleeps; mocha's test timeout bounds every wait.
 */
import * as vscode from 'vscode';
import type { OutlineSnapshot } from '../../../client/src/outline/outlineProvider.js';
import type { TradecraftApi } from '../../../client/src/extension.js';

export function until<E, T>(event: vscode.Event<E>, read: () => T | undefined): Promise<T> {
  return new Promise((resolve) => {
    const done = (value: T): void => {
      subscription.dispose();
      resolve(value);
    };
    const subscription = event(() => {
      const value = read();
      if (value !== undefined) done(value);
    });
    const now = read();
    if (now !== undefined) done(now);
  });
}

/** Tradecraft's diagnostics of a document once they satisfy `accept`. */
export function diagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return until(vscode.languages.onDidChangeDiagnostics, () => {
    const ours = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'tradecraft');
    return accept(ours) ? ours : undefined;
  });
}

/** The outline snapshot of a document once it satisfies `accept`. */
export function outline(api: TradecraftApi, uri: vscode.Uri, accept: (snapshot: OutlineSnapshot) => boolean = () => true): Promise<OutlineSnapshot> {
  return until(api.outline.onDidChange, () => {
    const snapshot = api.outline.current();
    return snapshot && snapshot.uri.toString() === uri.toString() && accept(snapshot) ? snapshot : undefined;
  });
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}
