import type { Rule } from './rule.js';

/** Recognised sections must follow the schema's order. */
export const sectionOrder: Rule = {
  id: 'section-order',
  family: 'structure',
  description: 'Recognised sections out of schema order.',
  defaultSeverity: 'warning',
  safeFix: false,
  check({ model, schema, report }) {
    const rank = new Map(schema.sections.map((spec, index) => [spec.id, index]));
    const seen = new Set<string>();
    let furthest: (typeof model.sections)[number] | undefined;
    for (const section of model.sections) {
      if (seen.has(section.spec.id)) continue;
      seen.add(section.spec.id);
      const position = rank.get(section.spec.id)!;
      if (furthest && position < rank.get(furthest.spec.id)!) {
        report({
          message: `Section “${section.spec.title}” should come before “${furthest.spec.title}” (line ${furthest.header.line + 1}), as the schema orders them.`,
          span: section.header.span,
          related: [{ message: `“${furthest.spec.title}” is here`, span: furthest.header.span }],
        });
      } else {
        furthest = section;
      }
    }
  },
};
