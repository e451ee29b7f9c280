import { dominantRow, estimativeScan, matchCase, rowCounterpart, termsByRow } from '../estimative/index.js';
import type { Rule } from './rule.js';

/**
 * ICD 203 row-1 and row-2 terms in one document without a disclaimer that they mean the same
 * (§D.6.e(2)(a)). Reported on each term of the less-used row, with a safe fix where the other
 * row's word reads the same in place.
 */
export const likelihoodMixedRows: Rule = {
  id: 'likelihood-mixed-rows',
  family: 'estimative',
  description: 'ICD 203 row-1 and row-2 terms mixed without a disclaimer.',
  defaultSeverity: 'warning',
  safeFix: true,
  check({ parsed, schema, report }) {
    const scan = estimativeScan(parsed, schema);
    if (scan.yardstick.id !== 'icd203' || scan.rowDisclaimers.length > 0) return;
    const rows = termsByRow(scan);
    if (rows[1].length === 0 || rows[2].length === 0) return;
    const dominant = dominantRow(scan);
    const minority = dominant === 1 ? 2 : 1;
    const example = rows[dominant][0]!.text.toLowerCase();
    for (const mention of rows[minority]) {
      const counterpart = rowCounterpart(mention, dominant);
      const newText = counterpart && matchCase(mention.text, counterpart);
      report({
        message: `“${mention.text}” is an ICD 203 row-${minority} term, but this document ${rows[dominant].length > rows[minority].length ? 'mostly uses' : 'also uses'} row ${dominant} (“${example}”) and has no disclaimer that both rows mean the same probabilities; keep to one row.`,
        span: mention.span,
        ...(newText ? { fix: { title: `Change “${mention.text}” to “${newText}” (row ${dominant})`, safe: true, edits: [{ span: mention.span, newText }] } } : {}),
      });
    }
  },
};
