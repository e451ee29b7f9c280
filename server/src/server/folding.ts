/** Folding ranges: each section, and within it each sub-block and scenario. */
import type { FoldingRange } from 'vscode-languageserver';
import type { Span } from '../core/index.js';
import type { AssessmentAnalysis } from './analysis.js';
import { blocksOf } from './symbols.js';

export function foldingRanges(analysis: AssessmentAnalysis): FoldingRange[] {
  const { model, parsed } = analysis.result;
  const { source } = parsed;
  const ranges: FoldingRange[] = [];
  const fold = (span: Span) => {
    const { start, end } = source.rangeOf(span);
    if (end.line > start.line) ranges.push({ startLine: start.line, endLine: end.line });
  };
  for (const section of model.sections) {
    fold(section.span);
    for (const block of blocksOf(section, analysis, source)) fold(block.span);
  }
  return ranges;
}
