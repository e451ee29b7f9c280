import type { Rule } from './rule.js';

/** A section header with nothing under it before the next header. */
export const sectionEmpty: Rule = {
  id: 'section-empty',
  family: 'structure',
  description: 'A section header with no body before the next header.',
  defaultSeverity: 'warning',
  safeFix: false,
  check({ model, report }) {
    for (const section of model.sections) {
      if (section.hasBody) continue;
      report({ message: `Section “${section.spec.title}” is empty: nothing follows its header before the next one.`, span: section.header.span });
    }
  },
};
