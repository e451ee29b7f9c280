import { estimativeScan } from '../estimative/index.js';
import type { Span } from '../text.js';
import type { Rule } from './rule.js';

/**
 * A confidence level and a likelihood in one sentence. ICD 203 §D.6.e(2)(b): confidence rates the
 * basis of a judgment, likelihood the event; the two must not share a sentence. Not checked
 * under IPCC, whose guidance states a likelihood together with its confidence.
 */
export const confidenceWithLikelihood: Rule = {
  id: 'confidence-with-likelihood',
  family: 'estimative',
  description: 'A likelihood term and a confidence level in the same sentence.',
  defaultSeverity: 'warning',
  safeFix: false,
  check({ parsed, schema, report }) {
    const scan = estimativeScan(parsed, schema);
    if (!scan.yardstick.separatesConfidence) return;
    const likelihoodBySentence = new Map<number, { text: string; span: Span }>();
    const likelihoods = [
      ...scan.mentions,
      ...scan.percentages.filter((percentage) => !percentage.attachedTo),
    ].sort((a, b) => a.span.start - b.span.start);
    for (const likelihood of likelihoods) if (!likelihoodBySentence.has(likelihood.sentence)) likelihoodBySentence.set(likelihood.sentence, likelihood);
    for (const statement of scan.confidence) {
      const likelihood = likelihoodBySentence.get(statement.sentence);
      if (!likelihood) continue;
      report({
        message: `“${statement.text}” and “${likelihood.text}” share a sentence: ICD 203 §D.6.e(2)(b) keeps the confidence in a judgment's basis apart from the likelihood of the event; state the confidence in a sentence of its own.`,
        span: statement.span,
        related: [{ message: `The likelihood “${likelihood.text}” in the same sentence`, span: likelihood.span }],
      });
    }
  },
};
