/** The estimative rules on whole documents: the real corpus assessment, and a clean assessment under each yardstick. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { estimativeScan } from '../../../server/src/core/estimative/index.js';
import { Engine, toOutline } from '../../../server/src/core/index.js';
import { corpusDocument } from '../../support/paths.js';
import { ESTIMATIVE_RULES } from './snippets.js';

function check(text: string, files: Record<string, string> = {}) {
  const engine = new Engine({ readFile: (file) => files[file] });
  return engine.check({ text, documentPath: '/reports/gulf.assessment.md', workspaceRoot: '/reports' });
}

function estimative(result: ReturnType<typeof check>): string[] {
  return result.findings
    .filter((finding) => ESTIMATIVE_RULES.has(finding.rule))
    .map((finding) => `${finding.range.start.line + 1} ${finding.rule}: ${result.parsed.source.text.slice(finding.span.start, finding.span.end)}`);
}

test('the corpus document: confidence-missing on its Assessment section and no other estimative finding', () => {
  const result = check(readFileSync(corpusDocument, 'utf8'));
  assert.deepEqual(estimative(result), ['32 confidence-missing: 📉 Assessment: Why This Session Has Limited Upside']);
});

test('the corpus document: its hedges are not probability wording, and “unlikely on their own” is an ICD 203 term', () => {
  const result = check(readFileSync(corpusDocument, 'utf8'));
  const scan = estimativeScan(result.parsed, result.schema);
  assert.deepEqual(scan.mentions.map((mention) => `${mention.kind}:${mention.text}`), ['term:unlikely']);
  assert.deepEqual(scan.percentages, []);
  assert.deepEqual(scan.confidence, []);
  const outline = toOutline(result.model, result.parsed.source, 'us-01.md', result.schema.source);
  assert.deepEqual(outline.scenarios.map((scenario) => scenario.likelihood), [null, null]);
});

const CLEAN_ICD203 = `# Gulf Shipping: Iranian Seizures After the Talks

US-01, US Agent:

## Current Situation

Iran seized a Marshall Islands–flagged tanker in the Strait of Hormuz two days after the talks in Muscat ended without agreement.

## Key Judgments

1. Iran is very likely to seize another tanker within three months if no second round of talks is scheduled.
2. A second round of talks before the summer is a roughly even chance.
3. Iran is unlikely (20–40%) to close the strait to all traffic, because its own oil exports pass through it.
4. The United States will almost certainly increase naval escorts in the Gulf.

We have moderate confidence in these judgments. Our reporting on the Supreme National Security Council's deliberations is thin.

## Forecast

### Most Likely (Short Term): Seizures Continue

- Trigger: Iran detains a second tanker on a maritime-dispute pretext.
- Outcome: Insurers raise war-risk premiums for Gulf voyages.
- Likelihood: Likely.

### Risk Scenario (Next Six Months): Strait Closure

- Trigger: Israeli strikes on Iranian nuclear facilities resume.
- Outcome: Iran mines the shipping lanes and traffic through the strait stops for weeks.
- Likelihood: Unlikely.

## Bottom Line

Iran is likely to keep seizing tankers to show it can raise the cost of pressure, but it is unlikely to close the strait.

US-01, US Agent
`;

test('a clean ICD 203 assessment with a separate confidence statement has no findings at all', () => {
  assert.deepEqual(check(CLEAN_ICD203).findings.map((finding) => `${finding.range.start.line + 1} ${finding.rule}: ${finding.message}`), []);
});

test('the same assessment held to PHIA reports the terms that differ', () => {
  const text = `---\nschema: ./phia.schema.yaml\n---\n${CLEAN_ICD203}`;
  const result = check(text, { '/reports/phia.schema.yaml': 'extends: builtin:standard\nyardstick: phia\n' });
  assert.equal(result.schemaProblems.length, 0);
  assert.deepEqual(estimative(result), [
    '14 likelihood-mixed-scales: very likely',
    '15 likelihood-mixed-scales: roughly even chance',
    '16 likelihood-range-mismatch: 20–40%',
  ]);
});

test('the same assessment under IPCC: its shared words change band, its confidence word does not fit', () => {
  const result = check(`---\nschema: ./ipcc.schema.yaml\n---\n${CLEAN_ICD203}`, { '/reports/ipcc.schema.yaml': 'extends: builtin:standard\nyardstick: ipcc\n' });
  assert.deepEqual(estimative(result), [
    '15 likelihood-mixed-scales: roughly even chance',
    '16 likelihood-range-mismatch: 20–40%',
    '17 likelihood-mixed-scales: almost certainly',
    '19 confidence-vocabulary: moderate',
  ]);
});

test('the outline carries the likelihood of each scenario and key judgment', () => {
  const result = check(CLEAN_ICD203);
  const outline = toOutline(result.model, result.parsed.source, 'gulf.assessment.md', result.schema.source);
  assert.deepEqual(outline.scenarios.map((scenario) => scenario.likelihood), [
    { term: 'likely', band: [55, 80] },
    { term: 'unlikely', band: [20, 45] },
  ]);
  assert.deepEqual(outline.judgments.map((judgment) => judgment.likelihood?.term ?? null), ['very likely', 'roughly even chance', 'unlikely', 'almost certainly']);
});
