import type { Rule } from './rule.js';

const SIGNPOST_FIELDS = new Set(['trigger', 'indicators']);

/** The same trigger/indicator under two scenarios cannot tell them apart (a non-diagnostic indicator). */
export const scenarioSharedIndicator: Rule = {
  id: 'scenario-shared-indicator',
  family: 'scenarios',
  description: 'The same trigger or indicator text under two scenarios.',
  defaultSeverity: 'info',
  safeFix: false,
  check({ model, report }) {
    const seen = new Map<string, { scenario: string; span: { start: number; end: number } }>();
    for (const scenario of model.scenarios) {
      const name = scenario.label || scenario.title;
      for (const field of scenario.fields) {
        if (!SIGNPOST_FIELDS.has(field.id)) continue;
        const key = field.value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
        if (key === '') continue;
        const earlier = seen.get(key);
        if (earlier && earlier.scenario !== name) {
          report({
            message: `Scenario “${name}” repeats a ${field.name.toLowerCase()} of scenario “${earlier.scenario}”; an indicator shared by two scenarios cannot tell them apart.`,
            span: field.span,
            related: [{ message: `Same text under “${earlier.scenario}”`, span: earlier.span }],
          });
        } else if (!earlier) {
          seen.set(key, { scenario: name, span: field.span });
        }
      }
    }
  },
};
