import type { Rule } from './rule.js';
import { withoutHtmlComments } from '../text.js';
import { TextMemo } from '../textMemo.js';

const SIGNPOST_FIELDS = new Set(['trigger', 'indicators']);

/** Field text compared without case, punctuation or HTML comments (kept across keystrokes). */
const comparable = new TextMemo((value) =>
  withoutHtmlComments(value)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim(),
);

/** The same trigger/indicator under two scenarios cannot tell them apart (a non-diagnostic indicator). */
export const scenarioSharedIndicator: Rule = {
  id: 'scenario-shared-indicator',
  family: 'scenarios',
  description: 'The same trigger or indicator text under two scenarios.',
  defaultSeverity: 'info',
  safeFix: false,
  check({ model, report }) {
    // Scenarios are told apart by position: two may share a label ("Alternative Scenario").
    const seen = new Map<string, { index: number; name: string; span: { start: number; end: number } }>();
    model.scenarios.forEach((scenario, index) => {
      const name = scenario.label || scenario.title;
      for (const field of scenario.fields) {
        if (!SIGNPOST_FIELDS.has(field.id)) continue;
        const key = comparable.get(field.value);
        if (key === '') continue;
        const earlier = seen.get(key);
        if (!earlier) {
          seen.set(key, { index, name, span: field.span });
          continue;
        }
        if (earlier.index === index) continue;
        const other = earlier.name === name ? `the other “${name}” scenario` : `scenario “${earlier.name}”`;
        report({
          message: `Scenario “${name}” repeats ${field.id === 'trigger' ? 'a trigger' : 'an indicator'} of ${other}; an indicator shared by two scenarios cannot tell them apart.`,
          span: field.span,
          related: [{ message: `Same text under “${earlier.name}”`, span: earlier.span }],
        });
      }
    });
  },
};
