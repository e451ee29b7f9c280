/**
 * Tradecraft's extensions to the Language Server Protocol, shared by the server and the VS Code
 * client so both sides agree on names and shapes.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { Outline } from './core/outline.js';

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
