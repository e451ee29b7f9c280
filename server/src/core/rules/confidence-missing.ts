import { estimativeScan } from '../estimative/index.js';
import type { Rule } from './rule.js';

/**
 * No confidence level stated: in the judgments section when the document has one (the
 * judgments are what the confidence rates), otherwise anywhere in the document.
 */
export const confidenceMissing: Rule = {
  id: 'confidence-missing',
  family: 'estimative',
  description: 'The judgments section (or document) states no confidence level.',
  defaultSeverity: 'warning',
  safeFix: false,
  check({ model, parsed, schema, source, report }) {
    const scan = estimativeScan(parsed, schema);
    const levels = scan.yardstick.confidenceLevels.join(', ');
    const judgments = model.sections.find((section) => section.spec.role === 'judgments');
    if (judgments) {
      const { span } = judgments;
      if (scan.confidence.some((statement) => statement.span.start >= span.start && statement.span.end <= span.end)) return;
      report({
        message: `The ${judgments.spec.title} section states no confidence level; say how much confidence its judgments deserve (${levels}) in a sentence of its own.`,
        span: judgments.header.span,
      });
      return;
    }
    if (scan.confidence.length > 0) return;
    const first = source.lines[0];
    report({
      message: `This assessment states no confidence level; say how much confidence its judgments deserve (${levels}) in a sentence of its own.`,
      span: { start: first?.start ?? 0, end: first?.end ?? 0 },
    });
  },
};
