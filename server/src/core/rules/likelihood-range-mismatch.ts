import { bandContains, complementBand, complementOpen, estimativeScan, formatBand, gapAround, type Band, type OpenEnds, type Percentage, type Yardstick } from '../estimative/index.js';
import type { Rule } from './rule.js';

/**
 * A percentage that contradicts its term (“likely (90%)” under ICD 203, where likely is 55–80%),
 * or, where a yardstick leaves gaps between its bands (PHIA), a probability in a gap.
 */
export const likelihoodRangeMismatch: Rule = {
  id: 'likelihood-range-mismatch',
  family: 'estimative',
  description: 'A percentage falls outside the band of the term it is written with.',
  defaultSeverity: 'error',
  safeFix: false,
  check({ parsed, schema, report }) {
    const scan = estimativeScan(parsed, schema);
    const { yardstick } = scan;
    for (const mention of scan.mentions) {
      if (mention.kind !== 'term' || !mention.percentage) continue;
      const percentage = mention.percentage;
      const { band, open } = mention.term;
      // “almost certainly not (<5%)” gives the event's own probability: the complement fits too.
      if (consistent(band, open, percentage) || (mention.eventNegated && consistent(complementBand(band), complementOpen(open), percentage))) continue;
      const replacement = bandText(mention.effectiveBand, mention.eventNegated ? complementOpen(open) : open, percentage);
      report({
        message: `“${mention.text}” means ${formatBand(band, open)} under ${yardstick.name}, but the percentage written with it says ${percentage.text}.${gapNote(yardstick, percentage)}`,
        span: percentage.span,
        fix: { title: `Replace “${percentage.text}” with the band of “${mention.text}”: ${replacement}`, safe: false, edits: [{ span: percentage.span, newText: replacement }] },
      });
    }
    for (const percentage of scan.percentages) {
      if (percentage.attachedTo && percentage.attachedTo.kind !== 'wording') continue;
      const gap = gapAround(yardstick, percentage.band);
      if (!gap) continue;
      report({
        message: `“${percentage.text}” falls in a gap the ${yardstick.name} yardstick leaves on purpose, between “${gap.below.term}” (${formatBand(gap.below.band, gap.below.open)}) and “${gap.above.term}” (${formatBand(gap.above.band, gap.above.open)}); commit to one of them.`,
        span: percentage.span,
      });
    }
  },
};

function gapNote(yardstick: Yardstick, percentage: Percentage): string {
  const gap = gapAround(yardstick, percentage.band);
  return gap ? ` ${yardstick.name} leaves ${percentage.text} unassigned on purpose, between “${gap.below.term}” and “${gap.above.term}”.` : '';
}

/**
 * The band in the percentage's own notation: `55–80%`, `55–80 percent`; an open end as the whole
 * percent inside it (PHIA's “40 to <50%” is written `40–49%`).
 */
function bandText(band: Band, open: OpenEnds | undefined, percentage: Percentage): string {
  return `${open?.low ? band[0] + 1 : band[0]}–${open?.high ? band[1] - 1 : band[1]}${percentage.unit}`;
}

/** A value or range must lie within the term's band; a bound (“<5%”) must hold for all of it. */
function consistent(band: Band, open: OpenEnds | undefined, percentage: Percentage): boolean {
  return bandContains(band, percentage.band, open) || (percentage.bounded && bandContains(percentage.band, band));
}
