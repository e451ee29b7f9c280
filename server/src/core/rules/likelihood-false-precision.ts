import { dominantRow, estimativeScan, formatBand, nearestTerm } from '../estimative/index.js';
import type { Rule } from './rule.js';

/** A bare point probability (“a 73% chance”): more precision than an analytic judgment can carry. */
export const likelihoodFalsePrecision: Rule = {
  id: 'likelihood-false-precision',
  family: 'estimative',
  description: 'A bare point probability on a judgment.',
  defaultSeverity: 'info',
  safeFix: false,
  check({ parsed, schema, report }) {
    const scan = estimativeScan(parsed, schema);
    const row = dominantRow(scan);
    for (const percentage of scan.percentages) {
      // Written with a term, a percentage only glosses it (checked by likelihood-range-mismatch);
      // a range or an approximate value does not claim a point.
      if (percentage.attachedTo && percentage.attachedTo.kind !== 'wording') continue;
      if (!percentage.point || percentage.approximate) continue;
      const nearest = nearestTerm(scan.yardstick, percentage.band[0], row);
      report({
        message: `“${percentage.text}” is a point probability, more precise than an analytic judgment can be; use a term of the ${scan.yardstick.name} yardstick${nearest ? ` such as “${nearest.term}” (${formatBand(nearest.band, nearest.open)})` : ''} or a range.`,
        span: percentage.span,
      });
    }
  },
};
