import type { Rule } from './rule.js';
import { hasText } from './fieldText.js';

// A time frame written into the header: a year, a month, a quarter, "within 6 months", "near term"…
const TIME_FRAME = /\b(?:(?:19|20)\d{2}|Q[1-4]|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d|(?:short|near|medium|mid|long)[- ]term|within\s+(?:\w+\s+){0,2}(?:days?|weeks?|months?|years?)|(?:next|coming)\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|quarter)|by\s+(?:the\s+)?(?:end|mid|spring|summer|autumn|fall|winter|early|late))\b/i;

/** A scenario with no time frame: a `(Short Term)` label, a date, or a horizon field. */
export const scenarioNoHorizon: Rule = {
  id: 'scenario-no-horizon',
  family: 'scenarios',
  description: 'A scenario states no time frame.',
  defaultSeverity: 'info',
  safeFix: false,
  check({ model, report }) {
    for (const scenario of model.scenarios) {
      if (scenario.horizon || scenario.fields.some((field) => field.id === 'horizon' && hasText(field.value))) continue;
      if (TIME_FRAME.test(scenario.header.text)) continue;
      report({
        message: `Scenario “${scenario.label || scenario.title}” states no time frame; add a horizon such as “(Short Term)” to its header or a Horizon field.`,
        span: scenario.header.span,
      });
    }
  },
};

