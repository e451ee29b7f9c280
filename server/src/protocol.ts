/**
 * Tradecraft's extensions to the Language Server Protocol, shared by the server and the VS Code
 * client so both sides agree on names and shapes.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Outline } from './core/outline.js';

/** The `source` of every diagnostic the server publishes (the client picks its own out by it). */
export const DIAGNOSTIC_SOURCE = 'tradecraft';

export interface OutlineParams {
  textDocument: { uri: string };
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export interface OutlineResult {
  outline: Outline;
  /** The schema in use, as shown to users (`builtin:standard` or a workspace-relative path). */
  schema: string;
  counts: FindingCounts;
}

/** The extracted model of an assessment document, or null when the document is not an assessment. */
export const OutlineRequest = {
  method: 'tradecraft/outline',
  type: new RequestType<OutlineParams, OutlineResult | null, void>('tradecraft/outline'),
} as const;

/**
 * Commands in code actions, each taking `[ruleId, url]`. `openRuleDocs` is run by the VS Code
 * extension itself (it says so with `clientOpensRuleDocs`); other clients get `showRuleDocs`,
 * which they send back to the server (`workspace/executeCommand`), and the server asks them to
 * show the page (`window/showDocument`) or names the URL in a message.
 */
export const Commands = {
  openRuleDocs: 'tradecraft.openRuleDocs',
  showRuleDocs: 'tradecraft.server.showRuleDocs',
} as const;

/** The code action kind of "Fix all safe problems" (also what `editor.codeActionsOnSave` names). */
export const FIX_ALL_KIND = 'source.fixAll.tradecraft';

export interface DocumentStatusParams {
  textDocument: { uri: string };
  /** The schema in use (as in `OutlineResult.schema`), or null when the document is not an assessment. */
  schema: string | null;
  counts: FindingCounts;
}

/** Sent after each validation of an open document, for status displays (schema in use, counts). */
export const DocumentStatusNotification = {
  method: 'tradecraft/documentStatus',
  type: new NotificationType<DocumentStatusParams>('tradecraft/documentStatus'),
} as const;

/** `initializationOptions` the server understands; every key is optional. */
export interface InitializationOptions {
  /** The `tradecraft` settings section, for clients without `workspace/configuration`. */
  settings?: unknown;
  /** False in an untrusted workspace: a schema's `extends` may then not leave the workspace folder. */
  trusted?: boolean;
  /** True when the client runs `tradecraft.openRuleDocs` itself (the VS Code extension). */
  clientOpensRuleDocs?: boolean;
}

/** A fix as carried in a diagnostic's `data`: LSP text edits on the diagnostic's document. */
export interface DiagnosticFix {
  title: string;
  /** Safe fixes keep the author's meaning; only they are applied by "Fix all". */
  safe: boolean;
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
}

/** The `data` of every Tradecraft diagnostic on an assessment. */
export interface DiagnosticData {
  fix?: DiagnosticFix;
  suggestions?: DiagnosticFix[];
}
