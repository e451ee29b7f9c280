import { dominantRow, estimativeScan, fitsInPlace, formatBand, matchCase, nearestTerm } from '../estimative/index.js';
import type { FixDraft, Rule } from './rule.js';

/** A term that only another yardstick has (“realistic possibility” under ICD 203): its band is not the reader's. */
export const likelihoodMixedScales: Rule = {
  id: 'likelihood-mixed-scales',
  family: 'estimative',
  description: 'A term that exists only in another yardstick.',
  defaultSeverity: 'error',
  safeFix: false,
  check({ parsed, schema, report }) {
    const scan = estimativeScan(parsed, schema);
    const row = dominantRow(scan);
    for (const mention of scan.mentions) {
      if (mention.kind !== 'other-scale') continue;
      const [low, high] = mention.term.band;
      const nearest = nearestTerm(scan.yardstick, (low + high) / 2, row);
      const suggestions: FixDraft[] = [];
      if (nearest && fitsInPlace(nearest, mention.term.noun ? 'noun' : 'modifier')) {
        const newText = matchCase(mention.text, nearest.replacement);
        suggestions.push({ title: `Change “${mention.text}” to “${newText}”`, safe: false, edits: [{ span: mention.span, newText }] });
      }
      report({
        message: `“${mention.text}” is a term of the ${mention.yardstick.name} yardstick (${formatBand(mention.term.band, mention.term.open)}), not of the ${scan.yardstick.name} yardstick this document uses${nearest ? `; the nearest ${scan.yardstick.name} term is “${nearest.term}” (${formatBand(nearest.band, nearest.open)})` : ''}.`,
        span: mention.span,
        suggestions,
      });
    }
  },
};
