/** What editors ask of the estimative language: the term under the cursor (hover) and the vocabulary (completion). */
import type { ParsedDocument } from '../parse.js';
import type { Schema } from '../schema/types.js';
import type { Span } from '../text.js';
import { estimativeScan } from './scan.js';
import { yardstickFor, type Band, type OpenEnds } from './yardsticks.js';

export interface TermInfo {
  kind: 'likelihood' | 'confidence';
  /** The yardstick term (“likely”) or the confidence level as written (“moderate confidence”). */
  term: string;
  band?: Band;
  open?: OpenEnds;
  /** Display name of the yardstick that defines it. */
  yardstick: string;
  /** Where the standard defines it (“ICD 203 §D.6.e(2)(a), row 1”). */
  standard: string;
  span: Span;
}

export interface YardstickVocabulary {
  name: string;
  terms: { term: string; band: Band; open?: OpenEnds; row?: number; standard: string }[];
  confidenceLevels: string[];
}

/** The yardstick term or confidence statement at a document offset, if any. */
export function estimativeTermAt(parsed: ParsedDocument, schema: Schema, offset: number): TermInfo | undefined {
  const scan = estimativeScan(parsed, schema);
  const within = (span: Span) => span.start <= offset && offset <= span.end;
  for (const mention of scan.mentions) {
    if (mention.span.start > offset) break;
    if ((mention.kind === 'term' || mention.kind === 'other-scale') && within(mention.span)) {
      const { term, band, open, standard } = mention.term;
      return { kind: 'likelihood', term, band, ...(open ? { open } : {}), yardstick: mention.yardstick.name, standard, span: mention.span };
    }
  }
  const statement = scan.confidence.find((candidate) => within(candidate.span));
  if (!statement) return undefined;
  return {
    kind: 'confidence',
    term: `${statement.levels.map((level) => level.norm).join('–')} confidence`,
    yardstick: scan.yardstick.name,
    standard: scan.yardstick.confidenceStandard,
    span: statement.span,
  };
}

/** The configured yardstick's terms (strongest first) and confidence levels. */
export function yardstickVocabulary(schema: Schema): YardstickVocabulary {
  const yardstick = yardstickFor(schema);
  const terms = [...yardstick.terms]
    .sort((a, b) => b.band[1] + b.band[0] - (a.band[1] + a.band[0]) || (a.row ?? 0) - (b.row ?? 0))
    .map(({ term, band, open, row, standard }) => ({ term, band, ...(open ? { open } : {}), ...(row === undefined ? {} : { row }), standard }));
  return { name: yardstick.name, terms, confidenceLevels: [...yardstick.confidenceLevels] };
}
