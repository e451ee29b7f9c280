import type { Rule } from './rule.js';

/** The same schema section twice. */
export const sectionDuplicate: Rule = {
  id: 'section-duplicate',
  family: 'structure',
  description: 'The same schema section appears twice.',
  defaultSeverity: 'warning',
  safeFix: false,
  check({ model, report }) {
    const first = new Map<string, (typeof model.sections)[number]>();
    for (const section of model.sections) {
      const earlier = first.get(section.spec.id);
      if (!earlier) {
        first.set(section.spec.id, section);
        continue;
      }
      report({
        message: `Section “${section.spec.title}” appears again; it first appears at line ${earlier.header.line + 1}.`,
        span: section.header.span,
        related: [{ message: `First “${section.spec.title}” section`, span: earlier.header.span }],
      });
    }
  },
};
