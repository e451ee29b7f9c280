/**
 * The changes editors send, kept per open document from one checked version to the next, so that
 * a check can carry the previous result over edits that only move text (see core/edit.ts).
 */
import { TextDocumentContentChangeEvent, type TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentChange } from '../core/index.js';

/** Changes from one version to the next; undefined when the editor sent the whole text. */
interface Step {
  from: number;
  to: number;
  changes: DocumentChange[] | undefined;
}

/** More steps than this without a check (validation on save only) are not worth keeping. */
const MAX_STEPS = 256;

export class ChangeLog {
  private readonly steps = new Map<string, Step[]>();

  /** For `new TextDocuments(…)`: documents as usual, each change recorded on its way in. */
  readonly documents: TextDocumentsConfiguration<TextDocument> = {
    create: (uri, languageId, version, content) => {
      this.steps.delete(uri);
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (document, changes, version) => {
      this.record(document.uri, document.version, version, changes);
      return TextDocument.update(document, changes, version);
    },
  };

  private record(uri: string, from: number, to: number, changes: TextDocumentContentChangeEvent[]): void {
    let steps = this.steps.get(uri);
    if (!steps) this.steps.set(uri, (steps = []));
    const ranged = changes.every(TextDocumentContentChangeEvent.isIncremental) ? changes.map(({ range, text }) => ({ range, text })) : undefined;
    // Past the limit the older steps go; a check from before them then starts afresh.
    if (steps.length >= MAX_STEPS) steps.splice(0, steps.length >> 1);
    steps.push({ from, to, changes: ranged });
  }

  /** The changes that lead from version `from` to version `to`, in order, when all are known as ranges. */
  between(uri: string, from: number, to: number): DocumentChange[] | undefined {
    const steps = this.steps.get(uri) ?? [];
    let start = steps.findIndex((step) => step.from === from);
    if (start === -1) return undefined;
    const changes: DocumentChange[] = [];
    for (let version = from; version !== to; start++) {
      const step = steps[start];
      if (!step || step.from !== version || !step.changes) return undefined;
      changes.push(...step.changes);
      version = step.to;
    }
    return changes;
  }

  /** Version `version` was checked: the steps before it are no longer needed. */
  checked(uri: string, version: number): void {
    const steps = this.steps.get(uri);
    if (!steps) return;
    const kept = steps.filter((step) => step.from >= version);
    if (kept.length === 0) this.steps.delete(uri);
    else this.steps.set(uri, kept);
  }

  forget(uri: string): void {
    this.steps.delete(uri);
  }
}
