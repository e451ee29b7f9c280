import type { Rule } from './rule.js';
import { hasText } from './fieldText.js';

/** A scenario field present with no text. */
export const scenarioEmptyField: Rule = {
  id: 'scenario-empty-field',
  family: 'scenarios',
  description: 'A scenario field is present with no text.',
  defaultSeverity: 'warning',
  safeFix: false,
  check({ model, report }) {
    for (const scenario of model.scenarios) {
      for (const field of scenario.fields) {
        if (hasText(field.value)) continue;
        report({ message: `The “${field.name}” field of scenario “${scenario.label || scenario.title}” is empty.`, span: field.span });
      }
    }
  },
};
