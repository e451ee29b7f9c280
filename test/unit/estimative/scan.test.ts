/** The estimative scan: what counts as a use of a term, a percentage or a confidence statement, and where. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { estimativeScan, type EstimativeMention } from '../../../server/src/core/estimative/index.js';
import { parseMarkdown } from '../../../server/src/core/index.js';
import { schemaWith } from './snippets.js';

function scan(text: string, yardstick = 'icd203') {
  return estimativeScan(parseMarkdown(text), schemaWith(yardstick));
}

/** Mentions as `kind:text`, plus the term's band and a `not` when the event is negated. */
function mentions(text: string, yardstick = 'icd203'): string[] {
  return scan(text, yardstick).mentions.map(describe);
}

function describe(mention: EstimativeMention): string {
  if (mention.kind === 'term' || mention.kind === 'other-scale') {
    return `${mention.kind}:${mention.text} ${mention.effectiveBand.join('-')}${mention.eventNegated ? ' not' : ''}`;
  }
  return `${mention.kind}:${mention.text}`;
}

const MENTION_CASES: [string, string[]][] = [
  // Terms, case-insensitive, with inflections.
  ['Iran is likely to attend.', ['term:likely 55-80']],
  ['LIKELY: Iran attends.', ['term:LIKELY 55-80']],
  ['Iran will probably attend.', ['term:probably 55-80']],
  ['Iran improbably agreed.', ['term:improbably 20-45']],
  ['Iran will almost certainly attend.', ['term:almost certainly 95-99']],
  ['An almost-certain defeat.', ['term:almost-certain 95-99']],
  ['There is a roughly even chance of a deal.', ['term:roughly even chance 45-55']],
  ['A deal is a remote possibility.', ['term:remote possibility 1-5']],
  // Longest phrase first, each word taken once.
  ['Iran is very unlikely to attend.', ['term:very unlikely 5-20']],
  ['Iran is highly unlikely to attend.', ['other-scale:highly unlikely 10-20']],
  ['Strikes are highly improbable.', ['term:highly improbable 5-20']],
  ['It is more likely than not.', ['other-scale:more likely than not 50-100']],
  ['It is about as likely as not.', ['other-scale:about as likely as not 33-66']],
  // Words that contain a term are not the term.
  ['The likelihood of a deal is low.', []],
  ['Likelier outcomes exist; the likeliest is a pause.', []],
  ['Remote areas of the province are quiet.', []],
  // Negations before a term: not a use of it.
  ['Iran is not likely to attend.', []],
  ["It isn't very likely.", []],
  ['A deal is not unlikely.', []],
  ['A deal does not seem likely.', []],
  ['It is not a good chance.', []],
  ['Confrontation is not inevitable.', []],
  // Negations after a term: the term rates the event not happening.
  ['Iran will probably not attend.', ['term:probably 20-45 not']],
  ['Iran almost certainly will not attend.', ['term:almost certainly 1-5 not']],
  ["Iran likely won't attend.", ['term:likely 20-45 not']],
  ['It is likely not only cheap but fast.', ['term:likely 55-80']],
  // Comparatives and labels rank alternatives; they are not terms.
  ['The most likely outcome is a pause.', []],
  ['A pause is more likely than a deal.', []],
  ['Both are equally likely.', []],
  ['Most Likely (Short Term): Quiet Holds', []],
  ['### Least Likely: Talks Succeed', []],
  // Wording outside every yardstick, and absolute wording.
  ['There is a good chance of a deal.', ['wording:good chance']],
  ['Iran could well walk out.', ['wording:could well']],
  ['A strike remains a low-probability, high-impact event.', []],
  ['A strike has a low probability.', ['wording:low probability']],
  ['Iran will definitely attend.', ['absolute:definitely']],
  ['There is no chance of a deal.', ['absolute:no chance']],
  ['There is almost no chance of a deal.', ['term:almost no chance 1-5']],
  ['It is impossible to say how Iran will answer.', []],
  ['A deal is impossible.', ['absolute:impossible']],
  ['We are 100% certain.', ['absolute:100%']],
  ['Iran enriches uranium to 60% and holds 100% of the stock.', []],
  // Hedges make no probability claim.
  ['Iran may attend, could walk out, and might possibly return.', []],
];

for (const [text, expected] of MENTION_CASES) {
  test(`mentions in ${JSON.stringify(text)}`, () => {
    assert.deepEqual(mentions(text), expected);
  });
}

test('under PHIA the shared words take PHIA bands, and ICD 203-only terms are another scale', () => {
  assert.deepEqual(mentions('Iran is likely to attend, very likely to talk, and it is a realistic possibility.', 'phia'), [
    'term:likely 55-75',
    'other-scale:very likely 80-95',
    'term:realistic possibility 40-50',
  ]);
});

test('under IPCC the nested bands apply', () => {
  assert.deepEqual(mentions('It is likely, very likely and virtually certain.', 'ipcc'), ['term:likely 66-100', 'term:very likely 90-100', 'term:virtually certain 99-100']);
});

const SKIPPED_CASES: [string, string][] = [
  ['inline code', 'Iran is `likely` to attend.'],
  ['a code block', '```\nIran is likely to attend.\n```'],
  ['an HTML comment', '<!-- Iran is likely to attend. -->'],
  ['a bare URL', 'See https://example.com/likely-outcomes for more.'],
  ['front matter', '---\ntitle: Iran is likely to attend\n---\n\nNo judgment here.'],
  ['curly quotation marks', 'The minister said Iran is “likely to attend”.'],
  ['straight quotation marks', 'The minister said Iran is "likely to attend".'],
  ['single quotation marks', "The term 'likely' means 55–80%."],
  ['a quoted blockquote', '> “Iran is likely to attend,” he said.'],
  ['a blockquote with an attribution', '> Iran will definitely attend.\n> — Foreign Minister'],
];

for (const [where, text] of SKIPPED_CASES) {
  test(`nothing is matched in ${where}`, () => {
    assert.deepEqual(mentions(text), []);
  });
}

test('a blockquote that is the author’s call-out is prose', () => {
  assert.deepEqual(mentions('> Key judgment: Iran is likely to attend.'), ['term:likely 55-80']);
});

test('spans are exact, in UTF-16 offsets of the document', () => {
  const text = '## Assessment\n\n- 🔹 Iran’s leaders are highly unlikely to attend.';
  const [mention] = scan(text).mentions;
  assert.ok(mention);
  assert.equal(text.slice(mention.span.start, mention.span.end), 'highly unlikely');
  assert.equal(mention.span.start, text.indexOf('highly'));
});

const PERCENTAGE_CASES: [string, { text: string; band: [number, number]; point: boolean; approximate: boolean; attached: boolean }][] = [
  ['Iran is likely (85%) to attend.', { text: '85%', band: [85, 85], point: true, approximate: false, attached: true }],
  ['Iran is 80–90 percent likely to attend.', { text: '80–90 percent', band: [80, 90], point: false, approximate: false, attached: true }],
  ['Iran is likely, ~70%, to attend.', { text: '~70%', band: [70, 70], point: true, approximate: true, attached: true }],
  ['Iran is likely (70 per cent) to attend.', { text: '70 per cent', band: [70, 70], point: true, approximate: false, attached: true }],
  ['A deal has almost no chance (<5%).', { text: '<5%', band: [0, 5], point: false, approximate: false, attached: true }],
  ['A deal is almost certainly not (>95%) on the table.', { text: '>95%', band: [95, 100], point: false, approximate: false, attached: true }],
  ['There is a 73% chance of a deal.', { text: '73%', band: [73, 73], point: true, approximate: false, attached: false }],
  ['We put the odds of a deal at about 78%.', { text: 'about 78%', band: [78, 78], point: true, approximate: true, attached: false }],
  ['The chance of a deal is between 60 and 70 percent.', { text: 'between 60 and 70 percent', band: [60, 70], point: false, approximate: false, attached: false }],
  // Set off at the end of the sentence of its one term.
  ['Talks are likely to resume (80–90 percent).', { text: '80–90 percent', band: [80, 90], point: false, approximate: false, attached: true }],
  ['Iran is likely to agree: 80-90%.', { text: '80-90%', band: [80, 90], point: false, approximate: false, attached: true }],
  ['Talks are likely to resume, with 90% probability.', { text: '90%', band: [90, 90], point: true, approximate: false, attached: true }],
];

for (const [text, expected] of PERCENTAGE_CASES) {
  test(`probability percentage in ${JSON.stringify(text)}`, () => {
    const [percentage, ...rest] = scan(text).percentages;
    assert.ok(percentage);
    assert.deepEqual(rest, []);
    assert.deepEqual(
      { text: percentage.text, band: percentage.band, point: percentage.point, approximate: percentage.approximate, attached: percentage.attachedTo !== undefined },
      expected,
    );
  });
}

test('a closing percentage belongs to no term when it is not set off, or two terms precede it', () => {
  assert.deepEqual(scan('Iran is likely to cut exports by 30%.').percentages, []);
  assert.deepEqual(scan('Iran is likely to agree (30% of the time it has).').percentages, []);
  const { mentions } = scan('Iran is likely to agree and unlikely to comply (70%).');
  assert.equal(mentions.length, 2);
  assert.ok(mentions.every((mention) => mention.kind !== 'absolute' && mention.percentage === undefined), 'two terms: the percentage is not attached to either');
});

test('percentages that are quantities are not probabilities', () => {
  assert.deepEqual(scan('Iran enriched uranium to 60%; exports fell 30 percent, and the likely buyer took 20%.').percentages, []);
  // “odds of” in one block does not make a number in the next a probability.
  assert.deepEqual(scan('- The odds of\n\n20 percent of the staff left.').percentages, []);
});

const CONFIDENCE_CASES: [string, string[][]][] = [
  ['We assess with high confidence that Iran will attend.', [['high']]],
  ['We have moderate confidence in these judgments.', [['moderate']]],
  ['We have medium confidence in these judgments.', [['medium']]],
  ['This is a low-confidence judgment.', [['low']]],
  ['We have very high confidence in this.', [['very high']]],
  ['We have moderate-to-high confidence in this.', [['moderate', 'high']]],
  ['Confidence: Moderate.', [['moderate']]],
  ['Our confidence in this judgment is low.', [['low']]],
  ['Iran will attend (high confidence).', [['high']]],
  ['We assess with fair confidence that Iran will attend.', [['fair']]],
  ['Limited Nuclear Confidence-Building Measures are possible.', []],
  ['Neither side enters with confidence that concessions will be reciprocated.', []],
  ['Investor confidence is low.', []],
  ['Tehran has limited confidence in Washington.', []],
  ['Investors have low confidence in the rial.', []],
  ['Tehran has high confidence in its missile deterrent.', []],
  ['We have high confidence in these judgments.', [['high']]],
  ['The minister said he had “high confidence” in the deal.', []],
];

for (const [text, expected] of CONFIDENCE_CASES) {
  test(`confidence statements in ${JSON.stringify(text)}`, () => {
    assert.deepEqual(
      scan(text).confidence.map((statement) => statement.levels.map((level) => level.norm)),
      expected,
    );
  });
}

const SENTENCE_CASES: [string, string, boolean][] = [
  ['two sentences on one line', 'Iran is likely to attend. We have high confidence in this.', false],
  ['one sentence across soft-wrapped lines', 'We assess with high confidence that\nIran will likely attend.', true],
  ['a line that ends a sentence', 'We have high confidence in this.\nIran will likely attend.', false],
  ['an abbreviation inside a sentence', 'We assess with high confidence that the U.S. will likely attend.', true],
  ['two list items', '- We have high confidence in this\n- Iran will likely attend', false],
  ['a title line and its text', '📍 High confidence\nIran will likely attend.', false],
  ['two table cells', '| high confidence | likely |\n|---|---|\n| a | b |', false],
];

for (const [what, text, together] of SENTENCE_CASES) {
  test(`sentences: ${what}`, () => {
    const result = scan(text);
    const statement = result.confidence[0];
    const term = result.mentions[0];
    assert.ok(statement && term, 'expected a confidence statement and a term');
    assert.equal(statement.sentence === term.sentence, together);
  });
}

test('a disclaimer that the rows mean the same is found, quoted terms included', () => {
  assert.equal(scan('This assessment uses “likely” and “probably” interchangeably.').rowDisclaimers.length, 1);
  assert.equal(scan('The terms likely and probable mean the same probability here.').rowDisclaimers.length, 1);
  assert.equal(scan('Iran is likely to attend and will probably talk.').rowDisclaimers.length, 0);
  assert.equal(scan('The two delegations are equivalent in rank.').rowDisclaimers.length, 0);
});
