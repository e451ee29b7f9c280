/** Estimative language: yardsticks, the scan of a document's probability and confidence wording, and what editors ask of it. */
export { annotateLikelihood } from './annotate.js';
export { estimativeTermAt, yardstickVocabulary, type TermInfo, type YardstickVocabulary } from './editor.js';
export { fitsInPlace, matchCase } from './replacement.js';
export { dominantRow, rowCounterpart, termsByRow } from './rows.js';
export {
  estimativeScan,
  type AbsoluteMention,
  type ConfidenceStatement,
  type EstimativeMention,
  type EstimativeScan,
  type Percentage,
  type TermMention,
  type WordingMention,
} from './scan.js';
export {
  bandContains,
  BUILTIN_YARDSTICKS,
  complementBand,
  complementOpen,
  extremeTerm,
  formatBand,
  gapAround,
  ICD203,
  IPCC,
  nearestTerm,
  PHIA,
  yardstickFor,
  type Band,
  type OpenEnds,
  type Yardstick,
  type YardstickTerm,
} from './yardsticks.js';
