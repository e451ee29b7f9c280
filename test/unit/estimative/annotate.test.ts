/** The likelihood the model gives each scenario and key judgment: which term rates it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessmentWith, lintResult } from './snippets.js';

/** The terms of both scenarios after writing `description` under the first one's header and `fields` in place of its outcome. */
function scenarioTerms(fields: string, description = ''): (string | null)[] {
  const text = assessmentWith()
    .replace('### Most Likely (Short Term): Quiet Holds', `### Most Likely (Short Term): Quiet Holds\n\n${description}`)
    .replace('- Outcome: Traffic through the strait recovers slowly.', fields);
  return lintResult(text).model.scenarios.map((scenario) => scenario.likelihood?.term ?? null);
}

const SCENARIO_CASES: [string, string, string, string | null][] = [
  ['the Likelihood field first', '- Outcome: Traffic very likely recovers.\n- Likelihood: Probably.', 'Calm is almost certain.', 'probably'],
  ['its own description before the outcome', '- Outcome: Traffic very likely recovers.', 'Calm is almost certain while the ceasefire holds.', 'almost certain'],
  ['the outcome when nothing else rates it', '- Outcome: Traffic very likely recovers.', '', 'very likely'],
  ['not the risk or rationale, which rate other things', '- Outcome: Traffic recovers.\n- Risk: A strike is unlikely but would halt traffic.\n- Why: Insurers are likely to wait.', '', null],
  ['a negated term rates the opposite', '- Outcome: Traffic recovers.\n- Likelihood: Almost certainly not before June.', '', 'almost certainly not'],
];

for (const [what, fields, description, expected] of SCENARIO_CASES) {
  test(`scenario likelihood: ${what}`, () => {
    assert.deepEqual(scenarioTerms(fields, description), [expected, null]);
  });
}

test('a scenario header can carry the term', () => {
  const text = assessmentWith().replace('### Risk Scenario (Next Three Months): Attacks Resume', '### Unlikely (Next Three Months): Attacks Resume');
  assert.deepEqual(lintResult(text).model.scenarios.map((scenario) => scenario.likelihood ? [scenario.likelihood.term, scenario.likelihood.band] : null), [null, ['unlikely', [20, 45]]]);
});

test('a key judgment takes its first term, with the span where it is written', () => {
  const text = assessmentWith();
  const judgments = lintResult(text).model.judgments;
  assert.deepEqual(judgments.map((judgment) => judgment.likelihood?.term ?? null), ['likely', 'unlikely']);
  const first = judgments[0]!.likelihood!;
  assert.equal(text.slice(first.span.start, first.span.end), 'likely');
});

test('under another yardstick the model carries that yardstick’s band, and other scales’ terms are left out', () => {
  const text = assessmentWith().replace('are likely to hold fire', 'are highly likely to hold fire');
  assert.deepEqual(lintResult(text, 'phia').model.judgments.map((judgment) => judgment.likelihood?.band ?? null), [[80, 90], [25, 35]]);
  assert.deepEqual(lintResult(text, 'icd203').model.judgments.map((judgment) => judgment.likelihood?.band ?? null), [null, [20, 45]]);
});
