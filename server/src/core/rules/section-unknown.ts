import type { Rule } from './rule.js';

/** In a closed schema, a top-level heading that names no section. */
export const sectionUnknown: Rule = {
  id: 'section-unknown',
  family: 'structure',
  description: 'A top-level heading matching no schema section (closed schemas only).',
  defaultSeverity: 'warning',
  safeFix: false,
  check({ model, schema, report }) {
    if (!schema.closed) return;
    const titles = schema.sections.map((spec) => spec.title).join(', ');
    for (const header of model.unknownHeadings) {
      report({ message: `“${header.text}” is not a section of this schema (expected one of: ${titles}).`, span: header.span });
    }
  },
};
