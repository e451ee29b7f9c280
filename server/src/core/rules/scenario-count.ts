import type { Rule } from './rule.js';
import { headingPrefix } from './edits.js';

/** Fewer scenarios than the schema's minimum (ICD 203 standard 4: alternatives). */
export const scenarioCount: Rule = {
  id: 'scenario-count',
  family: 'scenarios',
  description: "Fewer scenarios than the schema's minimum.",
  defaultSeverity: 'error',
  safeFix: false,
  check({ model, schema, source, report }) {
    const section = model.scenarioSection;
    const min = schema.scenarios.min;
    if (!section || model.scenarios.length >= min) return;
    const count = model.scenarios.length;
    const eol = source.eol;
    const lastLine = source.positionAt(section.span.end).line;
    const insertAt = source.lines[lastLine]!.end;
    const required = schema.scenarios.fields.filter((field) => field.required);
    const fields = (required.length > 0 ? required : schema.scenarios.fields.slice(0, 2)).map((field) => `- ${field.title}: `).join(eol);
    const level = section.header.form === 'heading' ? headingPrefix({ ...schema, headingLevel: (section.header.depth ?? schema.headingLevel) + 1 }) : headingPrefix(schema, 1);
    const stub = `${eol}${eol}${level}Alternative Scenario: Title${eol}${eol}${fields}`;
    report({
      message: `The “${section.spec.title}” section has ${count} scenario${count === 1 ? '' : 's'}; the schema asks for at least ${min} (alternatives, per ICD 203 standard 4).`,
      span: section.header.span,
      fix: { title: 'Insert a scenario stub', safe: false, edits: [{ span: { start: insertAt, end: insertAt }, newText: stub }] },
    });
  },
};
