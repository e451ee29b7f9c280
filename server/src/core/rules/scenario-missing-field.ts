import type { Rule } from './rule.js';
import { quotePrefix } from './edits.js';

/** A scenario lacks a required field (default: trigger and outcome); one finding per field. */
export const scenarioMissingField: Rule = {
  id: 'scenario-missing-field',
  family: 'scenarios',
  description: 'A scenario lacks a required field (by default trigger and outcome).',
  defaultSeverity: 'error',
  safeFix: false,
  check({ model, schema, source, report }) {
    const required = schema.scenarios.fields.filter((field) => field.required);
    for (const scenario of model.scenarios) {
      const present = new Set(scenario.fields.map((field) => field.id));
      const lastLine = source.positionAt(scenario.span.end).line;
      const lastText = source.lines[lastLine]!.text;
      const sample = scenario.fields[scenario.fields.length - 1];
      // New field lines copy the existing ones' list marker and indentation.
      const marker = sample ? /^\s*(?:>\s?)*\s*(?:[-*+]\s+)?/.exec(source.lines[sample.line]!.text)![0] : `${quotePrefix(lastText)}- `;
      const insertAt = source.lines[lastLine]!.end;
      const name = scenario.label || scenario.title || `at line ${scenario.line + 1}`;
      for (const field of required) {
        if (present.has(field.id)) continue;
        report({
          message: `Scenario “${name}” has no ${field.id} (expected ${article(field.aliases[0] ?? field.title)} ${field.aliases.slice(0, 4).join('/')} field).`,
          span: scenario.header.span,
          fix: { title: `Add ${article(field.title)} “${field.title}:” field`, safe: false, edits: [{ span: { start: insertAt, end: insertAt }, newText: `${source.eol}${marker}${field.title}: ` }] },
        });
      }
    }
  },
};

/** “a” or “an” before a word, by its first letter (good enough for field names). */
function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
