import { estimativeScan } from '../estimative/index.js';
import { anySpanWithin } from '../text.js';
import { TextMemo } from '../textMemo.js';
import type { Rule } from './rule.js';

/** A scenario with neither a ranking label (Most Likely, Base Case…) nor any statement of its likelihood. */
export const scenarioNoLikelihood: Rule = {
  id: 'scenario-no-likelihood',
  family: 'scenarios',
  description: 'A scenario with neither a ranking label nor a yardstick term.',
  defaultSeverity: 'warning',
  safeFix: false,
  check({ model, parsed, schema, report }) {
    if (model.scenarios.length === 0) return;
    const scan = estimativeScan(parsed, schema);
    const labels = schema.scenarios.labels.map(words);
    for (const scenario of model.scenarios) {
      // The label may stand anywhere in the header: “Scenario A (Most Likely): …”.
      const header = ` ${words(scenario.header.text)} `;
      if (labels.some((label) => label !== '' && header.includes(` ${label} `))) continue;
      if (scenario.fields.some((field) => field.id === 'likelihood' && field.value.trim() !== '')) continue;
      // Mentions and percentages are in document order.
      if (anySpanWithin(scan.mentions, scenario.span) || anySpanWithin(scan.percentages, scenario.span)) continue;
      const examples = schema.scenarios.labels.slice(0, 2).map((label) => `“${label}”`).join(', ');
      report({
        message: `Scenario “${scenario.label || scenario.title}” says nothing of how likely it is; give it a ranking label${examples ? ` (${examples}…)` : ''} or a term of the ${scan.yardstick.name} yardstick.`,
        span: scenario.header.span,
      });
    }
  },
};

/** Lower-case words with single spaces (kept across keystrokes: headers rarely change). */
const wordsOf = new TextMemo((text) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim());

function words(text: string): string {
  return wordsOf.get(text);
}
