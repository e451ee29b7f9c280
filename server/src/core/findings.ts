/** Findings and fixes are plain data: offsets plus replacement text, converted to LSP or CLI shapes at the edges. */
import type { Range, Span } from './text.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface TextEdit {
  span: Span;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  /** Safe fixes keep the author's meaning; only they are applied by `--fix` and fix-all. */
  safe: boolean;
  edits: TextEdit[];
}

export interface RelatedLocation {
  message: string;
  span: Span;
  range: Range;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  range: Range;
  fix?: Fix;
  /** Further fixes a person may choose among (e.g. several suggested terms). */
  suggestions?: Fix[];
  related?: RelatedLocation[];
}

/** Deterministic order: line, column, rule, then message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
