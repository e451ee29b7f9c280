import type { Rule } from './rule.js';

/** Closing lines that look like a sign-off but don't match the schema, or break its organization rule. */
export const signoffFormat: Rule = {
  id: 'signoff-format',
  family: 'sign-off',
  description: "The closing lines look like a sign-off but don't match the schema's pattern.",
  defaultSeverity: 'error',
  safeFix: false,
  check({ model, schema, report }) {
    const candidate = model.signOffCandidate;
    if (candidate) {
      report({
        message: `The closing line “${candidate.text}” looks like a sign-off but does not match the schema's pattern ${schema.signOff.pattern} (e.g. “${schema.signOff.template}”).`,
        span: candidate.span,
      });
    }
    const signOff = model.signOff;
    if (!signOff) return;
    if (schema.signOff.organization === 'required' && signOff.organization === undefined) {
      report({ message: 'The sign-off has no organization line; this schema requires one under the agent line.', span: signOff.span });
    }
    if (schema.signOff.organization === 'forbidden' && signOff.organization !== undefined && signOff.organizationSpan) {
      report({ message: `The sign-off has an organization line (“${signOff.organization}”); this schema does not allow one.`, span: signOff.organizationSpan });
    }
  },
};
