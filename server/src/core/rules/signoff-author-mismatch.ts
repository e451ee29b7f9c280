import type { Rule } from './rule.js';

/** The preamble's author line names a different agent than the sign-off. */
export const signoffAuthorMismatch: Rule = {
  id: 'signoff-author-mismatch',
  family: 'sign-off',
  description: 'The preamble author line names a different agent id than the sign-off.',
  defaultSeverity: 'warning',
  safeFix: false,
  check({ model, report }) {
    const author = model.preamble.author;
    const signOff = model.signOff;
    if (!author || !signOff || author.agentId === signOff.agentId) return;
    report({
      message: `The sign-off names ${signOff.agentId}, but the author line at line ${author.line + 1} names ${author.agentId}.`,
      span: signOff.span,
      related: [{ message: `Author line: ${author.agentId}`, span: author.span }],
    });
  },
};
