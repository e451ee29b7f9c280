/** Linting: parse → extract the model → run every enabled rule → findings, in a deterministic order. */
import { ActorMatcher } from './actors/mentions.js';
import { gazetteerActors } from './actors/gazetteer.js';
import { readDirectives, Suppressions } from './directives.js';
import { annotateLikelihood } from './estimative/index.js';
import { compareFindings, type Finding, type Fix, type Severity, type SeveritySetting } from './findings.js';
import { extractAssessment } from './model/extract.js';
import type { Assessment } from './model/types.js';
import { opaqueDocument, parseMarkdown, type IncrementalParser, type ParsedDocument } from './parse.js';
import { reasonToSkip } from './limits.js';
import { RULES, RULE_IDS } from './rules/index.js';
import type { FixDraft, Rule, RuleContext } from './rules/rule.js';
import type { Schema } from './schema/types.js';
import { SourceText } from './text.js';

export interface LintOptions {
  schema: Schema;
  /** Why the intended schema could not be loaded (reported as `schema-invalid`). */
  schemaProblem?: string | undefined;
  /** Severity overrides from the editor or command line; they win over the schema's `rules`. */
  ruleSettings?: Record<string, SeveritySetting> | undefined;
}

export interface LintResult {
  parsed: ParsedDocument;
  model: Assessment;
  findings: Finding[];
}

const matchers = new WeakMap<Schema, ActorMatcher>();

export function actorMatcherFor(schema: Schema): ActorMatcher {
  let matcher = matchers.get(schema);
  if (!matcher) {
    matcher = new ActorMatcher(schema.gazetteer ? [schema.actors, gazetteerActors()] : [schema.actors]);
    matchers.set(schema, matcher);
  }
  return matcher;
}

export function lintText(text: string, options: LintOptions): LintResult {
  return lintDocument(text, options);
}

/**
 * Lints a document's text: parses it (with the document's incremental parser when it has one),
 * or, for input the engine declines (see limits.ts), reports only why it was not checked.
 */
export function lintDocument(text: string, options: LintOptions & { parser?: IncrementalParser | undefined }): LintResult {
  const skipReason = reasonToSkip(text);
  if (skipReason) return runRules(opaqueDocument(new SourceText(text)), emptyAssessment(), options, skipReason, ENGINE_RULES);
  const parsed = options.parser ? options.parser.parse(text) : parseMarkdown(text);
  if (parsed.declined) return runRules(parsed, emptyAssessment(), options, parsed.declined, ENGINE_RULES);
  return lintParsed(parsed, options);
}

export function lintParsed(parsed: ParsedDocument, options: LintOptions): LintResult {
  const { schema } = options;
  const model = extractAssessment(parsed, { schema, actors: actorMatcherFor(schema) });
  annotateLikelihood(model, parsed, schema);
  return runRules(parsed, model, options, undefined, RULES);
}

const ENGINE_RULES = RULES.filter((rule) => rule.family === 'engine');

function runRules(parsed: ParsedDocument, model: Assessment, options: LintOptions, skipReason: string | undefined, rules: readonly Rule[]): LintResult {
  const { schema } = options;
  const suppressions = new Suppressions(readDirectives(parsed), parsed.source);
  const findings: Finding[] = [];
  const memo = new Map<string, unknown>();

  for (const rule of rules) {
    const severity = effectiveSeverity(rule, options);
    if (severity === 'off') continue;
    const context: RuleContext = {
      model,
      schema,
      parsed,
      source: parsed.source,
      schemaProblem: options.schemaProblem,
      skipReason,
      knownRuleIds: RULE_IDS,
      memo: <T>(key: string, compute: () => T): T => {
        if (!memo.has(key)) memo.set(key, compute());
        return memo.get(key) as T;
      },
      report: (draft) => {
        const range = parsed.source.rangeOf(draft.span);
        if (suppressions.isDisabled(rule.id, range.start.line)) return;
        const finding: Finding = { rule: rule.id, severity, message: draft.message, span: draft.span, range };
        if (draft.fix) finding.fix = toFix(draft.fix, parsed.source);
        if (draft.suggestions?.length) finding.suggestions = draft.suggestions.map((fix) => toFix(fix, parsed.source));
        if (draft.related?.length) finding.related = draft.related.map((related) => ({ ...related, range: parsed.source.rangeOf(related.span) }));
        findings.push(finding);
      },
    };
    rule.check(context);
  }
  findings.sort(compareFindings);
  return { parsed, model, findings };
}

function emptyAssessment(): Assessment {
  return { preamble: { lines: { first: 0, end: 0 } }, sections: [], scenarios: [], judgments: [], actors: [], unknownHeadings: [] };
}

export function effectiveSeverity(rule: Rule, options: Pick<LintOptions, 'schema' | 'ruleSettings'>): SeveritySetting {
  return options.ruleSettings?.[rule.id] ?? options.schema.rules[rule.id] ?? (rule.defaultSeverity satisfies Severity);
}

function toFix(draft: FixDraft, source: SourceText): Fix {
  return { title: draft.title, safe: draft.safe, edits: draft.edits.map((edit) => ({ span: edit.span, range: source.rangeOf(edit.span), newText: edit.newText })) };
}
