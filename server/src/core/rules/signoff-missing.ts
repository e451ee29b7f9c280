import type { Rule } from './rule.js';

/** No sign-off at the end; the fix inserts the schema's template (the preamble author's id when known). */
export const signoffMissing: Rule = {
  id: 'signoff-missing',
  family: 'sign-off',
  description: 'No sign-off at the end of the document.',
  defaultSeverity: 'error',
  safeFix: false,
  check({ model, schema, source, report }) {
    if (model.signOff || model.signOffCandidate) return;
    const author = model.preamble.author;
    const signOff = author ? `${author.agentId}, ${author.role}` : schema.signOff.template;
    const lastLine = source.lines.findLast((line) => line.text.trim() !== '') ?? source.lines[0]!;
    const eol = source.eol;
    const end = source.text.length;
    const newText = `${/\r?\n$/.test(source.text) || end === 0 ? '' : eol}${end === 0 ? '' : eol}${signOff}${eol}`;
    report({
      message: `The document has no sign-off; it should end with a line like “${schema.signOff.template}” matching the schema's pattern.`,
      span: { start: lastLine.start, end: lastLine.end },
      fix: { title: `Append the sign-off “${signOff}”`, safe: false, edits: [{ span: { start: end, end }, newText }] },
    });
  },
};
