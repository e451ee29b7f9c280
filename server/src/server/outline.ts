/** The `tradecraft/outline` request: the extracted model as the CLI's outline JSON, with the schema in use and the counts. */
import { toOutline } from '../core/index.js';
import type { OutlineResult } from '../protocol.js';
import type { AssessmentAnalysis } from './analysis.js';

export function outline(analysis: AssessmentAnalysis): OutlineResult {
  const { model, parsed } = analysis.result;
  return {
    outline: toOutline(model, parsed.source, analysis.displayPath, analysis.schemaLabel),
    schema: analysis.schemaLabel,
    counts: analysis.counts,
  };
}
