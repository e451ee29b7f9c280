import type { Rule } from './rule.js';

/** The document was not checked: too large, binary, nested too deeply, or one block too long to parse in bounded time. */
export const documentSkipped: Rule = {
  id: 'document-skipped',
  family: 'engine',
  description: 'The document was not checked: too large, binary, nested too deeply, or one block too long.',
  defaultSeverity: 'info',
  safeFix: false,
  check({ skipReason: reason, source, report }) {
    if (!reason) return;
    const first = source.lines[0]!;
    report({ message: `Tradecraft did not check this document: ${reason}.`, span: { start: first.start, end: Math.min(first.end, first.start + 200) } });
  },
};
