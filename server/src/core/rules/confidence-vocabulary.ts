import { estimativeScan, matchCase } from '../estimative/index.js';
import type { Rule } from './rule.js';

// The same middle level under two names: ICD 203 and PHIA say “moderate”, IPCC says “medium”.
const SAME_LEVEL: Record<string, string> = { medium: 'moderate', moderate: 'medium' };

/** A confidence level outside the yardstick's vocabulary (“medium confidence” under ICD 203). */
export const confidenceVocabulary: Rule = {
  id: 'confidence-vocabulary',
  family: 'estimative',
  description: 'A confidence level outside the yardstick’s vocabulary.',
  defaultSeverity: 'warning',
  safeFix: true,
  check({ parsed, schema, report }) {
    const scan = estimativeScan(parsed, schema);
    const levels = scan.yardstick.confidenceLevels;
    const known = new Set(levels.map((level) => level.toLowerCase()));
    const listed = levels.length > 1 ? `${levels.slice(0, -1).join(', ')} or ${levels[levels.length - 1]}` : (levels[0] ?? '');
    for (const statement of scan.confidence) {
      for (const level of statement.levels) {
        if (known.has(level.norm)) continue;
        const same = SAME_LEVEL[level.norm];
        const newText = same && known.has(same) ? matchCase(level.text, same) : undefined;
        report({
          message: `“${level.text}” is not a confidence level of ${scan.yardstick.name}, which uses ${listed}${newText ? `; it calls this level “${newText.toLowerCase()}”` : ''}.`,
          span: level.span,
          ...(newText ? { fix: { title: `Change “${level.text}” to “${newText}”`, safe: true, edits: [{ span: level.span, newText }] } } : {}),
        });
      }
    }
  },
};
