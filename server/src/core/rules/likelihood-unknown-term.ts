import { dominantRow, estimativeScan, fitsInPlace, formatBand, matchCase, nearestTerm } from '../estimative/index.js';
import type { FixDraft, Rule } from './rule.js';

/** Probability wording outside every yardstick (“good chance”, “could well”): readers cannot tell which band it means. */
export const likelihoodUnknownTerm: Rule = {
  id: 'likelihood-unknown-term',
  family: 'estimative',
  description: 'Probability wording outside the configured yardstick.',
  defaultSeverity: 'warning',
  safeFix: false,
  check({ parsed, schema, report }) {
    const scan = estimativeScan(parsed, schema);
    const row = dominantRow(scan);
    for (const mention of scan.mentions) {
      if (mention.kind !== 'wording') continue;
      const nearest = nearestTerm(scan.yardstick, mention.wording.estimate, row);
      const suggestions: FixDraft[] = [];
      if (nearest && fitsInPlace(nearest, mention.wording.role)) {
        const newText = matchCase(mention.text, nearest.replacement);
        suggestions.push({ title: `Change “${mention.text}” to “${newText}”`, safe: false, edits: [{ span: mention.span, newText }] });
      }
      report({
        message: `“${mention.text}” is not a term of the ${scan.yardstick.name} yardstick, so readers cannot tell what probability it means${nearest ? `; the nearest term is “${nearest.term}” (${formatBand(nearest.band, nearest.open)})` : ''}.`,
        span: mention.span,
        suggestions,
      });
    }
  },
};
