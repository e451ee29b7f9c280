import { estimativeScan, extremeTerm, formatBand } from '../estimative/index.js';
import type { Rule } from './rule.js';

/** Certainty wording beyond the scale (“definitely”, “no chance”, “100%”): no yardstick term reaches 0% or 100%. */
export const likelihoodAbsolute: Rule = {
  id: 'likelihood-absolute',
  family: 'estimative',
  description: 'Certainty wording beyond the yardstick.',
  defaultSeverity: 'warning',
  safeFix: false,
  check({ parsed, schema, report }) {
    const scan = estimativeScan(parsed, schema);
    const top = extremeTerm(scan.yardstick, 'top');
    const bottom = extremeTerm(scan.yardstick, 'bottom');
    for (const mention of scan.mentions) {
      if (mention.kind !== 'absolute') continue;
      const message =
        mention.claims === 'certainty'
          ? `“${mention.text}” claims certainty beyond the ${scan.yardstick.name} yardstick${top ? `, whose strongest term is “${top.term}” (${formatBand(top.band, top.open)})` : ''}.`
          : `“${mention.text}” rules the outcome out entirely, beyond the ${scan.yardstick.name} yardstick${bottom ? `, whose lowest term is “${bottom.term}” (${formatBand(bottom.band, bottom.open)})` : ''}.`;
      report({ message, span: mention.span });
    }
  },
};
