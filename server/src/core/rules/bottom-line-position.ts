import type { Rule } from './rule.js';

/** A section with `position: first|last` (the bottom line) is not where the schema puts it. */
export const bottomLinePosition: Rule = {
  id: 'bottom-line-position',
  family: 'structure',
  description: 'The bottom-line section is not where the schema puts it (first or last).',
  defaultSeverity: 'warning',
  safeFix: false,
  check({ model, report }) {
    const sections = model.sections;
    for (const section of sections) {
      const { position } = section.spec;
      if (!position) continue;
      const neighbour = position === 'last' ? sections[sections.length - 1] : sections[0];
      if (!neighbour || neighbour.spec.id === section.spec.id) continue;
      report({
        message: `“${section.spec.title}” should be the ${position} section, but “${neighbour.spec.title}” comes ${position === 'last' ? 'after' : 'before'} it.`,
        span: section.header.span,
        related: [{ message: `“${neighbour.spec.title}” is here`, span: neighbour.header.span }],
      });
    }
  },
};
