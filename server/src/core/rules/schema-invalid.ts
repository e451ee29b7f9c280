import type { Rule } from './rule.js';

/** The schema that applies could not be loaded; the built-in one is used instead. */
export const schemaInvalid: Rule = {
  id: 'schema-invalid',
  family: 'engine',
  description: 'The schema that applies could not be loaded; the built-in one is used.',
  defaultSeverity: 'warning',
  safeFix: false,
  check({ schemaProblem, source, report }) {
    if (!schemaProblem) return;
    const first = source.lines[0]!;
    report({ message: `The schema could not be used, so the built-in schema applies: ${schemaProblem}`, span: { start: first.start, end: first.end } });
  },
};
