import type { Rule } from './rule.js';
import { withoutHtmlComments } from '../text.js';

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
        // Emphasis markers and HTML comments (`- Trigger: <!-- TODO -->`) are not text.
        if (withoutHtmlComments(field.value).replace(/[*_\s]/g, '') !== '') continue;
        report({ message: `The “${field.name}” field of scenario “${scenario.label || scenario.title}” is empty.`, span: field.span });
      }
    }
  },
};
