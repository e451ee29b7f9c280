/**
 * Fills the model's likelihoods: each scenario and key judgment gets the configured yardstick's
 * term that rates it, so outlines and previews can show it.
 *
 * A judgment takes the first term in its text. A scenario takes the first term found, looking in
 * this order: its Likelihood field, its header, its own description (lines that are no field),
 * then its outcome. Terms in its trigger, rationale, risk or indicators are left out: they rate
 * the conditions around the scenario, not the scenario itself.
 */
import type { Assessment, LikelihoodMention, Scenario } from '../model/types.js';
import type { ParsedDocument } from '../parse.js';
import type { Schema } from '../schema/types.js';
import { firstSpanWithin, type Span } from '../text.js';
import { estimativeScan, type TermMention } from './scan.js';

export function annotateLikelihood(model: Assessment, parsed: ParsedDocument, schema: Schema): void {
  // In document order, as firstSpanWithin needs.
  const terms = estimativeScan(parsed, schema).mentions.filter((mention): mention is TermMention => mention.kind === 'term');
  if (terms.length === 0) return;
  for (const judgment of model.judgments) {
    const term = firstSpanWithin(terms, judgment.span);
    if (term) judgment.likelihood = likelihoodOf(term);
  }
  for (const scenario of model.scenarios) {
    const found = scenarioTerm(terms, scenario);
    if (found) scenario.likelihood = { ...likelihoodOf(found.term), source: found.source };
  }
}

type Source = NonNullable<LikelihoodMention['source']>;

function scenarioTerm(terms: readonly TermMention[], scenario: Scenario): { term: TermMention; source: Source } | undefined {
  const fieldSpans = scenario.fields.map((field) => ({ id: field.id, span: { start: field.span.start, end: Math.max(field.span.end, field.valueSpan.end) } }));
  for (const field of fieldSpans) {
    if (field.id !== 'likelihood') continue;
    const term = firstSpanWithin(terms, field.span);
    if (term) return { term, source: 'field' };
  }
  const inHeader = firstSpanWithin(terms, scenario.header.span);
  if (inHeader) return { term: inHeader, source: 'header' };
  const inDescription = firstSpanWithin(terms, scenario.span, (term) => !contains(scenario.header.span, term.span) && !fieldSpans.some((field) => contains(field.span, term.span)));
  if (inDescription) return { term: inDescription, source: 'description' };
  for (const field of fieldSpans) {
    if (field.id !== 'outcome') continue;
    const term = firstSpanWithin(terms, field.span);
    if (term) return { term, source: 'outcome' };
  }
  return undefined;
}

function contains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

function likelihoodOf(mention: TermMention): LikelihoodMention {
  const written = mention.text.toLowerCase().replace(/\s+/g, ' ');
  return { term: mention.eventNegated ? `${written} not` : written, band: mention.effectiveBand, span: mention.span };
}
