/**
 * The estimative-language rules, sentence by sentence: each case drops a paragraph into a clean
 * assessment and lists the text under every finding of the rule (or of all estimative rules).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applySafeFixes } from '../../../server/src/core/index.js';
import { assessmentWith, estimativeFindings, findingsOf, lint, lintResult } from './snippets.js';

type Case = [paragraph: string, expected: string[], yardstick?: string];

function cases(rule: string, table: Case[]): void {
  for (const [paragraph, expected, yardstick = 'icd203'] of table) {
    test(`${rule} (${yardstick}): ${JSON.stringify(paragraph)}`, () => {
      assert.deepEqual(findingsOf(rule, assessmentWith(paragraph), yardstick), expected);
    });
  }
}

test('the clean assessment has no findings under any yardstick', () => {
  for (const yardstick of ['icd203', 'phia', 'ipcc']) assert.deepEqual(lint(assessmentWith(), yardstick).findings, [], yardstick);
});

cases('likelihood-unknown-term', [
  ['There is a good chance the Houthis hold fire.', ['good chance']],
  ['A deal is pretty likely.', ['pretty likely']],
  ['Iranian resupply by sea is a high probability.', ['high probability']],
  ['The Houthis could well resume attacks.', ['could well']],
  ['Iran will almost surely agree.', ['almost surely']],
  ['There is a fair chance of talks, and a strong possibility of a truce.', ['fair chance', 'strong possibility']],
  ['In all likelihood the strait stays open.', ['In all likelihood']],
  ['The Houthis may resume attacks; they could possibly strike tankers.', []],
  ['A strike on a tanker is a low-probability, high-impact event.', []],
  ['The minister called a deal “a good chance”.', []],
  ['It is not a good chance.', []],
  ['A deal is `pretty likely` in the code name.', []],
  // “Chance” as an opportunity (“a chance to act”, “give it a chance”) rates no event.
  ['The summit is a good chance to reset ties.', []],
  ['Washington should give diplomacy a fair chance.', []],
  ['Oman offers a real chance for both sides to save face.', []],
  ['The truce gives the talks a real chance, and there is a good chance that they resume.', ['good chance']],
  ['There is a good chance of a truce and a fair chance of talks.', ['good chance', 'fair chance']],
  ['We give the talks a fair chance of success.', ['fair chance']],
  ['We give the talks a fair chance.', ['fair chance']],
  ['There is a good chance the Houthis hold fire.', ['good chance']],
  ['There is a good chance for talks.', ['good chance']],
]);

test('likelihood-unknown-term suggests the nearest term, in place only when it fits', () => {
  const text = assessmentWith('A deal is pretty unlikely. There is a good chance of a truce. A fair chance of talks.');
  const findings = lint(text).findings.filter((finding) => finding.rule === 'likelihood-unknown-term');
  assert.deepEqual(
    findings.map((finding) => [finding.message.match(/nearest term is “([^”]+)”/)?.[1], finding.suggestions?.map((fix) => fix.edits[0]!.newText) ?? []]),
    [['unlikely', ['unlikely']], ['likely', []], ['roughly even chance', ['roughly even chance']]],
  );
  assert.ok(findings.every((finding) => !finding.fix), 'suggestions are never safe fixes');
});

cases('likelihood-mixed-rows', [
  ['Shipping lines will probably wait.', ['probably']],
  ['Strikes are highly probable if attacks resume; a deal is improbable.', ['highly probable', 'improbable']],
  ['Shipping lines will probably wait. We use “likely” and “probably” interchangeably; both mean the same probability.', []],
  ['Shipping lines will probably wait.', [], 'phia'],
  ['Shipping lines are not probable to wait.', []],
  ['The “probable” cause is a misread order.', []],
]);

test('likelihood-mixed-rows normalises to the dominant row with safe fixes where the word fits', () => {
  const text = assessmentWith('Shipping lines will probably wait. Nearly certain delays follow, and a sinking is a remote possibility. Strikes are very likely.');
  const fixed = applySafeFixes(text, lint(text).findings).text;
  assert.ok(fixed.includes('Shipping lines will likely wait. Almost certain delays follow, and a sinking is a remote possibility. Strikes are very likely.'));
  assert.deepEqual(findingsOf('likelihood-mixed-rows', fixed), ['remote possibility']);
});

test('likelihood-mixed-rows follows a row-2 majority, and keeps the sentence grammatical', () => {
  const paragraph = 'Iran will probably attend. A deal is probable. Strikes are improbable. The talks are likely. Iran is unlikely to walk out.';
  const text = assessmentWith(paragraph).replace(/ likely to hold fire/, ' probably going to hold fire').replace('is unlikely.', 'is improbable.').replace('is likely to stay quiet', 'will probably stay quiet');
  const findings = lint(text).findings.filter((finding) => finding.rule === 'likelihood-mixed-rows');
  assert.deepEqual(
    findings.map((finding) => [text.slice(finding.span.start, finding.span.end), finding.fix?.edits[0]?.newText ?? null]),
    [['likely', 'probable'], ['unlikely', null]],
  );
});

cases('likelihood-mixed-scales', [
  ['A Houthi strike is a realistic possibility.', ['realistic possibility']],
  ['The Houthis are highly likely to hold fire.', ['highly likely']],
  ['It is more likely than not that traffic recovers.', ['more likely than not']],
  ['A deal is virtually certain.', ['virtually certain']],
  ['The Houthis are very likely to hold fire and almost certain to rearm.', []],
  ['The Houthis are very likely to hold fire.', ['very likely'], 'phia'],
  ['A deal is a roughly even chance.', ['roughly even chance'], 'phia'],
  ['The Houthis are highly likely to hold fire.', [], 'phia'],
  ['A deal is almost certain.', ['almost certain'], 'ipcc'],
  ['The Houthis are likely to hold fire; a deal is unlikely.', [], 'ipcc'],
]);

cases('likelihood-range-mismatch', [
  ['The Houthis are likely (90%) to hold fire.', ['90%']],
  ['The Houthis are likely (60–70%) to hold fire.', []],
  ['The Houthis are likely (55–80%) to hold fire.', []],
  ['The Houthis are likely (55–80%) to hold fire.', ['55–80%'], 'phia'],
  ['The Houthis are likely (77%) to hold fire.', ['77%'], 'phia'],
  ['The Houthis are likely (70%) to hold fire.', [], 'ipcc'],
  ['A deal is unlikely, ~50%.', ['~50%']],
  ['A deal is 80–90 percent likely.', ['80–90 percent']],
  ['Iran will almost certainly not attend (<5%).', []],
  ['There is a 78% chance of a truce.', [], 'icd203'],
  ['There is a 78% chance of a truce.', ['78%'], 'phia'],
  ['There is a 60–70% chance of a truce.', [], 'phia'],
  ['Iran enriches to 78% purity.', [], 'phia'],
  ['Talks are likely to resume (80–90 percent).', ['80–90 percent']],
  ['Iran is likely to agree: 80-90%.', ['80-90%']],
  ['Talks are likely to resume, with 90% probability.', ['90%']],
  ['Talks are likely to resume (60–70%).', []],
  // A bound holds for the whole band, or it does not.
  ['Iran will almost certainly attend (>90%).', []],
  ['A deal is likely (>90%).', ['>90%']],
  // A closing percentage in a sentence that names a quantity measures the quantity.
  ['Turkish inflation is likely to stay high (around 31%).', []],
  ['Turnout is likely to be low: about 40%.', []],
  ['Talks are likely to resume (30%).', ['30%']],
  // An end a standard excludes is not in the band: PHIA's realistic possibility is ≈40 to <50%.
  ['A deal is a realistic possibility (50%).', ['50%'], 'phia'],
  ['A deal is a realistic possibility (45%).', [], 'phia'],
  ['A deal is almost certain (100%).', ['100%'], 'phia'],
  ['A deal is almost certain (97%).', [], 'phia'],
  ['A strike is a remote chance (0%).', ['0%'], 'phia'],
  ['A deal is more likely than not (50%).', ['50%'], 'ipcc'],
  ['A deal is more likely than not (60%).', [], 'ipcc'],
  ['There is a 50% chance of a truce.', ['50%'], 'phia'],
]);

test('likelihood-range-mismatch writes an excluded end as the whole percent inside it, and names it as the standard does', () => {
  const text = assessmentWith('A deal is a realistic possibility (50%).');
  const [finding] = lint(text, 'phia').findings.filter((candidate) => candidate.rule === 'likelihood-range-mismatch');
  assert.match(finding?.message ?? '', /“realistic possibility” means 40–<50% under PHIA/);
  assert.deepEqual(finding?.fix?.edits.map((edit) => edit.newText), ['40–49%']);
  const fixed = text.replace('(50%)', '(40–49%)');
  assert.deepEqual(findingsOf('likelihood-range-mismatch', fixed, 'phia'), [], 'the fix’s band is in the term’s band');
});

test('likelihood-range-mismatch offers the term’s band, in the author’s notation, as a quick fix', () => {
  const text = assessmentWith('The Houthis are likely (90 percent) to hold fire.');
  const [finding] = lint(text).findings.filter((candidate) => candidate.rule === 'likelihood-range-mismatch');
  assert.ok(finding?.fix);
  assert.equal(finding.fix.safe, false);
  assert.deepEqual(finding.fix.edits.map((edit) => edit.newText), ['55–80 percent']);
  assert.match(finding.message, /“likely” means 55–80% under ICD 203/);
});

cases('likelihood-false-precision', [
  ['There is a 73% chance the Houthis hold fire.', ['73%']],
  ['The probability of a strike is 15 percent.', ['15 percent']],
  ['The Houthis are likely (70%) to hold fire.', []],
  ['There is a 60–70% chance of a truce.', []],
  ['There is roughly a 70% chance of a truce.', []],
  ['Traffic is 65% below its 2023 level.', []],
  ['There is a 100% chance of talks.', []],
]);

cases('likelihood-absolute', [
  ['The Houthis will definitely hold fire.', ['definitely']],
  ['There is no chance of a deal.', ['no chance']],
  ['Iran certainly will rearm them.', ['certainly will']],
  ['Iran will surely agree.', ['will surely']],
  ['We are 100% certain of it.', ['100%']],
  ['A deal is impossible, and escalation is inevitable.', ['impossible', 'inevitable']],
  ['Escalation is not inevitable.', []],
  ['It is impossible to say how the Houthis would answer.', []],
  ['There is almost no chance of a deal.', []],
  ['Almost 100% of the large lines avoid the strait.', []],
  // Facts, not forecasts.
  ['Passage through the Bosphorus is guaranteed by the 1936 Montreux Convention.', []],
  ['The strikes made it impossible for inspectors to reach Fordow.', []],
  ['The IAEA said access was impossible.', []],
  ['A deal is guaranteed to fail.', ['is guaranteed']],
  ['The strikes will make it impossible for inspectors to return.', ['impossible']],
]);

cases('confidence-with-likelihood', [
  ['We assess with high confidence that the Houthis will likely hold fire.', ['high confidence']],
  ['A deal is unlikely (moderate confidence).', ['moderate confidence']],
  ['We have low confidence that there is a good chance of talks.', ['low confidence']],
  ['We have high confidence that there is a 30% chance of talks.', ['high confidence']],
  ['The Houthis will likely hold fire. We have high confidence in this judgment.', []],
  ['We have high confidence in this judgment.\nThe Houthis will likely hold fire.', []],
  ['We assess with high confidence that\nthe Houthis will likely hold fire.', ['high confidence']],
  ['The Houthis will likely hold fire (high confidence).', [], 'ipcc'],
  // Somebody else's confidence is not the analyst's rating.
  ['Investors have low confidence in the rial and are likely to sell.', []],
  // Confidence in a thing is somebody's trust in it, not a rating of the analysis.
  ['Confidence in the ceasefire is low among residents, who are unlikely to return soon.', []],
  ['With high confidence in its deterrent, Tehran is likely to test again.', []],
  ['Our confidence in this judgment is low because the talks are likely to stall.', ['confidence in this judgment is low']],
  ['We have high confidence in these judgments, and a deal is likely.', ['high confidence']],
  // A dotted abbreviation ends its sentence before a word that opens one.
  ['Iran is likely to seek a deal with the U.S. We have moderate confidence in this judgment.', []],
  ['London is likely to follow the U.K. Our confidence in this judgment is moderate.', []],
  ['Talks are likely to resume at 10 a.m. We have moderate confidence in this judgment.', []],
  ['We have moderate confidence that the U.S. Navy will likely stay.', ['moderate confidence']],
  ['We have moderate confidence that U.S. officials will likely stay.', ['moderate confidence']],
  ['We have moderate confidence that talks at 10 a.m. Monday will likely resume.', ['moderate confidence']],
  ['We have moderate confidence, e.g. The Times says a deal is likely.', ['moderate confidence']],
  // Emphasis around the label or the level.
  ['**Confidence:** Moderate. A deal is likely.', []],
  ['Confidence: **Moderate**, and a deal is likely.', ['Confidence: **Moderate']],
  ['**Confidence:** Moderate that a deal is likely.', ['Confidence:** Moderate']],
]);

cases('confidence-vocabulary', [
  ['We have medium confidence in this judgment.', ['medium']],
  ['We have very high confidence in this judgment.', ['very high']],
  ['We have moderate-to-high confidence in this judgment.', []],
  ['This is a low-confidence judgment.', []],
  ['We have moderate confidence in this judgment.', ['moderate'], 'ipcc'],
  ['We have medium confidence in this judgment.', [], 'ipcc'],
  ['We have very high confidence in this judgment.', [], 'ipcc'],
  ['We assess with fair confidence that talks resume.', ['fair']],
  ['Confidence-building steps continue.', []],
  ['**Confidence:** Medium.', ['Medium']],
  ['Confidence: __Medium__.', ['Medium']],
  ['- **Confidence:** High', []],
  ['_Confidence:_ Moderate.', []],
  ['We have **medium** confidence in this judgment.', ['medium']],
]);

test('confidence-vocabulary renames medium to moderate as a safe fix (and back under IPCC)', () => {
  const icd = assessmentWith('We have Medium confidence in the timing.');
  assert.ok(applySafeFixes(icd, lint(icd).findings).text.includes('We have Moderate confidence in the timing.'));
  const ipcc = assessmentWith('We have moderate confidence in the timing.');
  assert.ok(applySafeFixes(ipcc, lint(ipcc, 'ipcc').findings).text.includes('We have medium confidence in the timing.'));
});

test('confidence-missing: on the judgments header when the section states no confidence', () => {
  const text = assessmentWith().replace(/We have high confidence[^\n]*\n/, '');
  assert.deepEqual(findingsOf('confidence-missing', text), ['## Assessment']);
});

test('confidence-missing: a confidence statement with emphasis on its label or level counts', () => {
  const statements: [statement: string, expected: string[]][] = [
    ['Confidence: Low', []],
    ['**Confidence: Moderate.**', []],
    ['**Confidence:** Moderate.', []],
    ['Confidence: **Moderate**.', []],
    ['_Confidence:_ Moderate.', []],
    ['- **Confidence:** High', []],
    ['__Confidence__: *high*', []],
    ['**Confidence:** The sources are thin.', ['## Assessment']],
    // A country agent writes in the first person singular.
    ['I have moderate confidence in these judgments.', []],
    ['I hold low confidence in these judgments.', []],
    ['My confidence in these judgments is moderate.', []],
  ];
  for (const [statement, expected] of statements) {
    const text = assessmentWith().replace(/We have high confidence[^\n]*\n/, `${statement}\n`);
    assert.deepEqual(findingsOf('confidence-missing', text), expected, statement);
  }
});

test('confidence-missing: a confidence statement outside the judgments section does not count', () => {
  const text = assessmentWith().replace(/We have high confidence[^\n]*\n/, '').replace('shipping will return only slowly.', 'shipping will return only slowly. We have moderate confidence in this.');
  assert.deepEqual(findingsOf('confidence-missing', text), ['## Assessment']);
});

test('confidence-missing: on line 1 when the document has no judgments section and no confidence', () => {
  const text = '# Houthi Outlook\n\nThe Houthis are likely to hold fire.\n';
  assert.deepEqual(findingsOf('confidence-missing', text), ['# Houthi Outlook']);
  assert.deepEqual(findingsOf('confidence-missing', `${text}\nConfidence: Moderate.\n`), []);
});

test('scenario-no-likelihood: a scenario with neither a label nor a likelihood', () => {
  const unlabelled = assessmentWith().replace('### Risk Scenario (Next Three Months): Attacks Resume', '### Attacks Resume (Next Three Months)');
  assert.deepEqual(findingsOf('scenario-no-likelihood', unlabelled), ['### Attacks Resume (Next Three Months)']);
  for (const likelihood of ['- Likelihood: Low.', '- Likelihood: Unlikely.', '- Risk: A strike is very likely to follow.', '- Probability: 20–30%.']) {
    const rated = unlabelled.replace('- Outcome: The Houthis resume missile and drone attacks on merchant ships.', `- Outcome: The Houthis resume missile and drone attacks on merchant ships.\n${likelihood}`);
    assert.deepEqual(findingsOf('scenario-no-likelihood', rated), [], likelihood);
  }
  const labelled = assessmentWith().replace('### Risk Scenario (Next Three Months): Attacks Resume', '### Scenario B (Worst Case, Next Three Months): Attacks Resume');
  assert.deepEqual(findingsOf('scenario-no-likelihood', labelled), []);
});

test('scenario-rank-inconsistent: the most likely scenario rated below another', () => {
  const rate = (mostLikely: string, risk: string, yardstick = 'icd203') =>
    findingsOf(
      'scenario-rank-inconsistent',
      assessmentWith()
        .replace('- Outcome: Traffic through the strait recovers slowly.', `- Outcome: Traffic through the strait recovers slowly.\n- Likelihood: ${mostLikely}`)
        .replace('- Outcome: The Houthis resume missile and drone attacks on merchant ships.', `- Outcome: The Houthis resume missile and drone attacks on merchant ships.\n- Likelihood: ${risk}`),
      yardstick,
    );
  assert.deepEqual(rate('Unlikely.', 'Likely.'), ['Unlikely']);
  assert.deepEqual(rate('Likely.', 'Unlikely.'), []);
  assert.deepEqual(rate('Likely.', 'Probable.'), []);
  assert.deepEqual(rate('Likely.', 'Very likely.'), ['Likely']);
  assert.deepEqual(rate('Likely.', 'Very likely.', 'ipcc'), ['Likely']);
  assert.deepEqual(rate('Almost certainly not.', 'Unlikely.'), ['Almost certainly']);
});

test('scenario-rank-inconsistent: a term inside an outcome rates something within it, not the scenario', () => {
  const text = assessmentWith()
    .replace('- Outcome: Traffic through the strait recovers slowly.', '- Outcome: Traffic recovers slowly, though a full return remains unlikely this year.')
    .replace('- Outcome: The Houthis resume missile and drone attacks on merchant ships.', '- Outcome: The Houthis resume attacks, and Israel is likely to strike again within weeks.');
  assert.deepEqual(findingsOf('scenario-rank-inconsistent', text), []);
  // The outline still shows what the outcome says, for want of a stated rating.
  assert.equal(lintResult(text).model.scenarios[0]?.likelihood?.source, 'outcome');
});

test('scenario-rank-inconsistent points at the scenario rated higher', () => {
  const text = assessmentWith()
    .replace('- Outcome: Traffic through the strait recovers slowly.', '- Outcome: Traffic through the strait recovers slowly.\n- Likelihood: Unlikely.')
    .replace('- Outcome: The Houthis resume missile and drone attacks on merchant ships.', '- Outcome: The Houthis resume missile and drone attacks on merchant ships.\n- Likelihood: Very likely.');
  const [finding] = lint(text).findings.filter((candidate) => candidate.rule === 'scenario-rank-inconsistent');
  assert.ok(finding);
  assert.match(finding.message, /“Most Likely” is labelled most likely but rated “unlikely” \(20–45%\), lower than scenario “Risk Scenario”, rated “very likely” \(80–95%\)/);
  assert.deepEqual(finding.related?.map((related) => text.slice(related.span.start, related.span.end)), ['Very likely']);
});

test('scenario-rank-inconsistent names at most five scenarios rated higher, the highest first', () => {
  // Eight alternatives after the most likely one: six rated above it (two of them "almost certain"), two below.
  const ratings = ['Likely', 'Almost certain', 'Very likely', 'Unlikely', 'Likely', 'Almost certain', 'Likely', 'Remote'];
  const alternatives = ratings.map((rating, index) => `### Alternative Scenario (Long Term): Path ${index + 1}\n\n- Trigger: Development ${index + 1} comes about.\n- Outcome: Consequence ${index + 1} follows.\n- Likelihood: ${rating}.\n`).join('\n');
  const text = assessmentWith()
    .replace('- Outcome: Traffic through the strait recovers slowly.', '- Outcome: Traffic through the strait recovers slowly.\n- Likelihood: Roughly even chance.')
    .replace('### Risk Scenario', `${alternatives}\n### Risk Scenario`);
  const [finding] = lint(text).findings.filter((candidate) => candidate.rule === 'scenario-rank-inconsistent');
  assert.ok(finding);
  assert.match(finding.message, /lower than scenario “Alternative Scenario”, rated “almost certain” \(95–99%\)\. 6 scenarios are rated higher; related information names the 5 rated highest\.$/);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const named = finding.related!.map((related) => `${text.slice(related.span.start, related.span.end)} @${lineOf(related.span.start)}`);
  const lineOfPath = (n: number) => lineOf(text.indexOf(`Likelihood: ${ratings[n - 1]}.`, text.indexOf(`Path ${n}\n`)));
  assert.deepEqual(named, [
    `Almost certain @${lineOfPath(2)}`,
    `Almost certain @${lineOfPath(6)}`,
    `Very likely @${lineOfPath(3)}`,
    `Likely @${lineOfPath(1)}`,
    `Likely @${lineOfPath(5)}`,
  ]);
});

test('one paragraph, every estimative rule that applies', () => {
  const paragraph = 'We assess with medium confidence that the Houthis will definitely hold fire. A deal is highly likely (97%). There is a good chance of talks.';
  assert.deepEqual(estimativeFindings(assessmentWith(paragraph)), [
    'confidence-vocabulary: medium',
    'confidence-with-likelihood: medium confidence',
    'likelihood-absolute: definitely',
    'likelihood-mixed-scales: highly likely',
    'likelihood-unknown-term: good chance',
  ]);
});
