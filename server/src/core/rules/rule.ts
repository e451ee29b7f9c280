/** What a rule is: an id, a default severity, documentation metadata and a check over the model. */
import type { Severity } from '../findings.js';
import type { Assessment } from '../model/types.js';
import type { ParsedDocument } from '../parse.js';
import type { Schema } from '../schema/types.js';
import type { SourceText, Span } from '../text.js';

export type RuleFamily = 'structure' | 'scenarios' | 'sign-off' | 'estimative' | 'consistency' | 'engine';

export interface FixDraft {
  title: string;
  safe: boolean;
  edits: { span: Span; newText: string }[];
}

export interface FindingDraft {
  message: string;
  span: Span;
  fix?: FixDraft;
  suggestions?: FixDraft[];
  related?: { message: string; span: Span }[];
}

export interface RuleContext {
  readonly model: Assessment;
  readonly schema: Schema;
  readonly parsed: ParsedDocument;
  readonly source: SourceText;
  /** Why the intended schema could not be used (the built-in one is in use instead). */
  readonly schemaProblem: string | undefined;
  /** Why the document was not parsed (too large, binary, too deeply nested); then only engine rules run. */
  readonly skipReason: string | undefined;
  /** Every registered rule id (for directives that name rules). */
  readonly knownRuleIds: ReadonlySet<string>;
  readonly report: (finding: FindingDraft) => void;
  /** Work shared by several rules in one lint run (e.g. the estimative-language scan), computed once. */
  readonly memo: <T>(key: string, compute: () => T) => T;
}

export interface Rule {
  id: string;
  family: RuleFamily;
  /** One line: what the rule checks. */
  description: string;
  defaultSeverity: Severity;
  /** Whether some of its findings carry a safe fix (applied by --fix and fix-all). */
  safeFix: boolean;
  check(context: RuleContext): void;
  /**
   * For a rule that reads prose text itself rather than through the model or the estimative scan:
   * what it finds in one prose segment (spans within the segment). Checking an edit that moves
   * text without changing what it says (see edit.ts) compares these for the edited line.
   */
  readonly proseFacts?: (text: string) => readonly ProseFact[];
}

/** Something a rule finds in a prose segment: where, and all it would say about it. */
export interface ProseFact {
  span: Span;
  detail: string;
}
