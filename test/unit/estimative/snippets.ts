/** Small documents for the estimative-language tests: a clean assessment to drop sentences into, and schemas per yardstick. */
import { builtinSchema, lintText, RULES, type Finding, type LintResult, type Schema } from '../../../server/src/core/index.js';
import type { CustomYardstickSpec } from '../../../server/src/core/schema/types.js';

/** The estimative-language rules (and the two scenario rules that read likelihoods). */
export const ESTIMATIVE_RULES: ReadonlySet<string> = new Set(
  RULES.filter((rule) => rule.family === 'estimative' || rule.id === 'scenario-no-likelihood' || rule.id === 'scenario-rank-inconsistent').map((rule) => rule.id),
);

export function schemaWith(yardstick: string | CustomYardstickSpec = 'icd203'): Schema {
  return { ...builtinSchema(), yardstick };
}

/** A complete assessment with no findings, `extra` added as a paragraph of the Assessment section. */
export function assessmentWith(extra = ''): string {
  return `# Red Sea Shipping: Houthi Attacks After the Gaza Ceasefire

YE-02, Yemen Agent:

## Current Situation

Houthi forces have not attacked a merchant vessel in the Red Sea since the Gaza ceasefire took effect.

## Assessment

- The Houthis are likely to hold fire while the ceasefire holds, because renewed attacks would invite Western strikes on their ports.
- A return of most container traffic to the Red Sea before the end of the year is unlikely.

We have high confidence in these judgments, which rest on shipping data and on public statements by Houthi leaders.

${extra}

## Forecast

### Most Likely (Short Term): Quiet Holds

- Trigger: The ceasefire in Gaza holds through its second phase.
- Outcome: Traffic through the strait recovers slowly.

### Risk Scenario (Next Three Months): Attacks Resume

- Trigger: The ceasefire collapses and Israel resumes large-scale operations in Gaza.
- Outcome: The Houthis resume missile and drone attacks on merchant ships.

## Bottom Line

The Red Sea is likely to stay quiet while the Gaza ceasefire holds, but shipping will return only slowly.

YE-02, Yemen Agent
`;
}

export function lintResult(text: string, yardstick: string | CustomYardstickSpec = 'icd203'): LintResult {
  return lintText(text, { schema: schemaWith(yardstick) });
}

export function lint(text: string, yardstick: string | CustomYardstickSpec = 'icd203'): { text: string; findings: Finding[] } {
  return { text, findings: lintResult(text, yardstick).findings };
}

/** The findings of one rule as `text under the finding`, in document order. */
export function findingsOf(rule: string, text: string, yardstick: string | CustomYardstickSpec = 'icd203'): string[] {
  return lint(text, yardstick)
    .findings.filter((finding) => finding.rule === rule)
    .map((finding) => text.slice(finding.span.start, finding.span.end));
}

/** Every estimative finding as `rule: text under the finding`. */
export function estimativeFindings(text: string, yardstick: string | CustomYardstickSpec = 'icd203'): string[] {
  return lint(text, yardstick)
    .findings.filter((finding) => ESTIMATIVE_RULES.has(finding.rule))
    .map((finding) => `${finding.rule}: ${text.slice(finding.span.start, finding.span.end)}`);
}
