/** Extracting the Assessment model: header forms, lazy continuations, scenarios, actors, sign-off, positions. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { builtinSchema, lintText, toOutline } from '../../server/src/core/index.js';
import { corpusDocument } from '../support/paths.js';

const schema = builtinSchema();
const modelOf = (text: string) => lintText(text, { schema }).model;
const corpus = readFileSync(corpusDocument, 'utf8');

test('the corpus document: six sections in order, with forms and subtitles', () => {
  const model = modelOf(corpus);
  assert.deepEqual(
    model.sections.map((section) => [section.spec.id, section.header.form, section.header.line + 1, section.header.subtitle ?? null]),
    [
      ['current-situation', 'title-line', 4, 'Talks Set for Friday in Oman'],
      ['strategic-context', 'title-line', 12, 'Why These Talks Matter (and Why They’re Fragile)'],
      ['assessment', 'title-line', 32, 'Why This Session Has Limited Upside'],
      ['forecast', 'title-line', 37, 'Two Plausible Scenarios'],
      ['strategic-implications', 'title-line', 45, null],
      ['bottom-line', 'lead-in', 48, null],
    ],
  );
});

test('the corpus document: numbered context blocks are sub-blocks', () => {
  const context = modelOf(corpus).sections[1]!;
  assert.deepEqual(
    context.children.map((child) => [child.line + 1, child.title]),
    [
      [13, 'Tension After Escalation in 2025'],
      [17, 'Irreconcilable Core Objectives (for Now)'],
      [27, 'Regional Security Pressures'],
    ],
  );
});

test('the corpus document: two scenarios with label, horizon, title and fields', () => {
  const [first, second] = modelOf(corpus).scenarios;
  assert.equal(first?.line, 37);
  assert.equal(first?.label, 'Most Likely');
  assert.equal(first?.horizon, 'Short Term');
  assert.equal(first?.title, 'Limited Nuclear Confidence-Building Measures');
  assert.deepEqual(first?.fields.map((field) => field.id), ['outcome', 'rationale', 'risk']);
  assert.equal(second?.line, 41);
  assert.equal(second?.label, 'Risk Scenario');
  assert.equal(second?.horizon, undefined);
  assert.equal(second?.title, 'Negotiations Collapse → Regional Escalation');
  assert.deepEqual(second?.fields.map((field) => [field.id, field.name]), [['trigger', 'Trigger'], ['outcome', 'Aftermath']]);
});

test('the corpus document: four judgments, preamble author and sign-off', () => {
  const model = modelOf(corpus);
  assert.deepEqual(model.judgments.map((judgment) => judgment.line + 1), [33, 34, 35, 36]);
  assert.match(model.judgments[0]!.text, /^Negotiating space is extremely constrained/);
  assert.deepEqual(model.preamble.author && [model.preamble.author.agentId, model.preamble.author.role, model.preamble.author.line + 1], ['US-01', 'US Agent', 2]);
  assert.match(model.preamble.question ?? '', /^The United States and Iran are preparing/);
  assert.deepEqual(model.signOff && [model.signOff.agentId, model.signOff.role, model.signOff.organization, model.signOff.line + 1], ['US-01', 'US Agent', 'Three Corporate', 49]);
});

test('the corpus document: actors with aliases, possessives and position blocks', () => {
  const outline = toOutline(modelOf(corpus), lintText(corpus, { schema }).parsed.source, 'corpus.md', 'builtin:standard');
  const byName = new Map(outline.actors.map((actor) => [actor.name, actor]));
  for (const name of ['United States', 'Iran', 'Israel', 'Oman', 'Turkey']) assert.ok(byName.get(name)?.mentions, `${name} should be mentioned`);
  assert.deepEqual(byName.get('United States')?.positions, [{ label: 'U.S. priorities', line: 18 }]);
  assert.deepEqual(byName.get('Iran')?.positions, [{ label: 'Iran’s position', line: 22 }]);
  const iran = modelOf(corpus).actors.find((actor) => actor.name === 'Iran')!;
  const written = new Set(iran.mentions.map((mention) => mention.text));
  for (const alias of ['Iran', 'Iran’s', 'Tehran', 'Iranian']) assert.ok(written.has(alias), `Iran should be found as ${alias}`);
  // The agent id "US-01" on the author and sign-off lines is not a mention of the United States.
  const usLines = new Set(modelOf(corpus).actors.find((actor) => actor.name === 'United States')!.mentions.map((m) => m.line + 1));
  assert.ok(!usLines.has(2) && !usLines.has(49));
});

test('title lines folded into a paragraph or a list item are still found, with exact positions', () => {
  const text = ['Intro line', '📍 Current Situation: Calm', '- a list item', 'Bottom line: It holds.', 'AB-01, Desk Agent'].join('\n');
  const model = modelOf(text);
  assert.deepEqual(model.sections.map((s) => [s.spec.id, s.header.form, s.header.line]), [['current-situation', 'title-line', 1], ['bottom-line', 'lead-in', 3]]);
  const header = model.sections[0]!.header;
  assert.equal(text.slice(header.titleSpan.start, header.titleSpan.end), 'Current Situation');
});

test('all three header forms are recognised; sub-headings stay sub-blocks; code, comments and front matter never are', () => {
  const text = [
    '---', 'title: Forecast', '---',
    '# Situation Report',
    'Situation',
    '---------',
    'Text.',
    '### Background',
    '**Outlook**',
    '```', '## Forecast', '```',
    '<!--', '## Assessment', '-->',
    '📉 Key Judgments',
    '- One.',
    '## Outlook — next month',
  ].join('\n');
  const model = modelOf(text);
  assert.equal(model.title?.text, 'Situation Report');
  assert.deepEqual(model.sections.map((s) => [s.spec.id, s.header.form, s.header.line]), [
    ['current-situation', 'heading', 4],
    ['assessment', 'title-line', 15],
    ['forecast', 'heading', 17],
  ]);
  // Under a heading-form section, a deeper heading or a bold line naming a section is a sub-block.
  assert.deepEqual(model.sections[0]!.children.map((child) => child.title), ['Background', 'Outlook']);
  assert.equal(model.sections[2]!.header.subtitle, 'next month');
});

test('CRLF and a BOM give the same model at the same lines and columns', () => {
  const crlf = '\uFEFF' + corpus.replace(/\n/g, '\r\n');
  const a = lintText(corpus, { schema });
  const b = lintText(crlf, { schema });
  const outline = (r: typeof a) => toOutline(r.model, r.parsed.source, 'x', 'builtin:standard');
  assert.deepEqual(outline(b), outline(a));
  assert.deepEqual(b.findings.map((f) => [f.rule, f.range]), a.findings.map((f) => [f.rule, f.range]));
});

test('actor matching: acronyms are case-sensitive and names must be capitalised', () => {
  const text = ['## Situation', 'Let us talk turkey with the US and the U.S. Navy; Washington’s envoy met Iranians in Tehran.'].join('\n');
  const actors = new Map(modelOf(text).actors.map((actor) => [actor.name, actor.mentions.map((m) => m.text)]));
  assert.deepEqual(actors.get('United States'), ['US', 'U.S.', 'Washington’s']);
  assert.deepEqual(actors.get('Iran'), ['Iranians', 'Tehran']);
  assert.equal(actors.has('Turkey'), false);
});

test('a place name that is part of a treaty’s or a paper’s name is not a mention of its state', () => {
  const text = ['## Situation', 'Bangkok accused Cambodia of breaching the Ottawa Convention. It cited the Paris Agreement and the Oslo Accords, as the Washington Post reported; Ottawa protested.'].join('\n');
  const actors = new Map(modelOf(text).actors.map((actor) => [actor.name, actor.mentions.map((m) => m.text)]));
  assert.deepEqual(actors.get('Canada'), ['Ottawa'], 'only the government, not the convention');
  for (const state of ['France', 'Norway', 'United States']) assert.deepEqual(actors.get(state) ?? [], [], state);
  assert.deepEqual(actors.get('Thailand'), ['Bangkok']);
});

test('sign-off variants: one line, with organisation, and a malformed closing line', () => {
  assert.deepEqual(modelOf('Text.\n\nUS-01, US Agent\n').signOff?.organization, undefined);
  assert.equal(modelOf('Text.\n\n**US-01, US Agent**  \nAcme Analysis\n').signOff?.organization, 'Acme Analysis');
  const malformed = modelOf('Text.\n\nIR01 Iran agent\n');
  assert.equal(malformed.signOff, undefined);
  assert.equal(malformed.signOffCandidate?.text, 'IR01 Iran agent');
});

test('with a BOM, inline code and comment spans still point at their text', () => {
  const text = '\uFEFFab `x`\r\nc <!-- y -->';
  const parsed = lintText(text, { schema }).parsed;
  assert.deepEqual(parsed.nonProse.map((span) => text.slice(span.start, span.end)), ['`x`', '<!-- y -->']);
  assert.deepEqual(parsed.comments.map((comment) => text.slice(comment.span.start, comment.span.end)), ['<!-- y -->']);
});

test('a section-level heading that names no section ends the section before it', () => {
  const text = ['## Forecast', '### Most Likely (Next Month): Talks resume', '- Trigger: A date is set.', '- Outcome: Talks resume.', '## Sources', '### Interview notes', '- Trigger: not a scenario field'].join('\n');
  const model = modelOf(text);
  assert.deepEqual(model.scenarios.map((scenario) => scenario.title), ['Talks resume']);
  assert.deepEqual(model.unknownHeadings.map((header) => header.text), ['Sources']);
  assert.equal(model.sections[0]!.bodyLines.end, 4);
});

test('a trailing comment on a heading is not part of its text', () => {
  const model = modelOf('## Forecast <!-- check -->\n### Most Likely (Short Term) <!-- note -->\n');
  assert.equal(model.sections[0]?.spec.id, 'forecast');
  assert.equal(model.scenarios[0]?.horizon, 'Short Term');
});

test('judgments: list items with their continuations; a paragraph after the list is not part of the last one', () => {
  const text = ['## Key Judgments', '1. Talks will likely resume.', 'continued lazily.', '2. Sanctions stay.', '', '   More on sanctions.', '', 'We have moderate confidence in these judgments.'].join('\n');
  assert.deepEqual(modelOf(text).judgments.map((judgment) => judgment.text), ['Talks will likely resume. continued lazily.', 'Sanctions stay. More on sanctions.']);
});

test('the second line of a setext heading is part of the heading, not a title line of its own', () => {
  const model = modelOf('Bottom line: It holds.\n📍 Current Situation: Calm\n---\n');
  assert.deepEqual(model.sections.map((s) => [s.spec.id, s.header.form]), [['bottom-line', 'heading']]);
});

/** The findings of one rule, as `line:rule` (1-based lines). */
const ruleLines = (text: string, prefix: string) =>
  lintText(text, { schema })
    .findings.filter((finding) => finding.rule.startsWith(prefix))
    .map((finding) => `${finding.range.start.line + 1}:${finding.rule}`);

const SECTIONS = (overrides: Record<string, string[]> = {}) =>
  [
    ...(overrides.situation ?? ['## Current Situation', '', 'Talks resumed in Muscat on Friday.']),
    '',
    ...(overrides.judgments ?? ['## Key Judgments', '', '1. Talks are likely to continue.']),
    '',
    ...(overrides.forecast ?? [
      '## Forecast',
      '',
      '### Most Likely (Short Term): Talks Continue',
      '- Trigger: A second round is scheduled.',
      '- Outcome: Limited confidence-building measures.',
      '',
      '### Risk Scenario (Long Term): Talks Collapse',
      '- Trigger: A strike on a nuclear site.',
      '- Outcome: Regional escalation.',
    ]),
    '',
    ...(overrides.bottomLine ?? ['## Bottom Line', '', 'The talks are fragile.']),
    '',
    ...(overrides.signOff ?? ['US-01, United States Agent']),
    '',
  ].join('\n');

test('a lone level-1 heading over level-2 sections is the title, even when it names a section', () => {
  for (const title of ['# Assessment: Geneva Talks', '# Outlook: Geneva Talks']) {
    const text = `${title}\n\n${SECTIONS()}`;
    const model = modelOf(text);
    assert.equal(model.title?.text, title.slice(2), title);
    assert.deepEqual(model.sections.map((section) => section.spec.id), ['current-situation', 'assessment', 'forecast', 'bottom-line'], title);
    assert.deepEqual(ruleLines(text, 'section-').concat(ruleLines(text, 'scenario-')), [], title);
  }
});

test('a section heading with a qualifier, or with “The”, names its section', () => {
  for (const heading of ['## Current Situation (as of 1 March 2026)', '## Current Situation [Updated]', '## Current Situation | December 2025', '## The Current Situation']) {
    const model = modelOf(SECTIONS({ situation: [heading, '', 'Talks resumed in Muscat on Friday.'] }));
    assert.equal(model.sections[0]?.spec.id, 'current-situation', heading);
    assert.equal(model.sections[0]?.header.title, 'Current Situation', heading);
  }
  assert.equal(modelOf(SECTIONS({ situation: ['## Current Situation (as of 1 March 2026)', '', 'Text.'] })).sections[0]?.header.subtitle, 'as of 1 March 2026');
});

test('what is set apart in the forecast without fields, label or horizon is a sub-block, not a scenario', () => {
  for (const extra of [['### Key Assumptions', 'Both sides want to avoid blame.'], ['**Assumptions**', 'Both sides want to avoid blame.'], ['━━━━━━━━━━'], ['⚠️ Note: These scenarios are not exhaustive.'], ['📎 Sources: Reuters, AP.']]) {
    const forecast = ['## Forecast', '', '### Most Likely (Short Term): Talks Continue', '- Trigger: A second round is scheduled.', '- Outcome: Limited measures.', '', ...extra, '', '### Risk Scenario (Long Term): Talks Collapse', '- Trigger: A strike.', '- Outcome: Escalation.'];
    const text = SECTIONS({ forecast });
    assert.deepEqual(modelOf(text).scenarios.map((scenario) => scenario.label), ['Most Likely', 'Risk Scenario'], extra[0]);
    assert.deepEqual(ruleLines(text, 'scenario-'), [], extra[0]);
  }
  // A header that calls itself a scenario stays one, and gets its findings.
  const named = SECTIONS({ forecast: ['## Forecast', '', '### Scenario A: Talks Continue', 'They go on.', '', '### Scenario B: Talks Collapse', 'They end.'] });
  assert.deepEqual(modelOf(named).scenarios.map((scenario) => scenario.label), ['Scenario A', 'Scenario B']);
});

test('a lead-in label under a heading section is text where its section stands, stood or will stand as a heading', () => {
  const text = SECTIONS({
    situation: ['## Current Situation', '', 'Background: Talks resumed in Muscat on Friday.', '', 'Analysis: Both sides want a result.'],
    forecast: ['## Forecast', '', '### Most Likely (Short Term): Talks Continue', '- Trigger: A second round is scheduled.', '- Outcome: Limited measures.', 'Drivers: Both delegations want to avoid blame.', '', '### Risk Scenario (Long Term): Talks Collapse', '- Trigger: A strike.', '- Outcome: Escalation.'],
    bottomLine: ['## Bottom Line', '', 'The talks are fragile.', '', 'Outlook: stable through the spring.', '', 'Conclusion: hold course.'],
  });
  const model = modelOf(text);
  assert.deepEqual(model.sections.map((section) => section.spec.id), ['current-situation', 'assessment', 'forecast', 'bottom-line']);
  assert.deepEqual(model.scenarios[0]!.fields.map((field) => field.id), ['trigger', 'outcome', 'rationale'], 'Drivers: is the Why field');
  assert.deepEqual(ruleLines(text, 'section-').concat(ruleLines(text, 'bottom-line'), ruleLines(text, 'scenario-')), []);
});

test('field names in any emphasis, and an emphasised scenario header, are read', () => {
  const forecast = [
    '## Forecast',
    '',
    '🟢 **Most Likely (Medium Term):** Frozen Dialogue',
    '- *Trigger:* A walkout.',
    '- _Outcome_: Fighting resumes.',
    '',
    '### Risk Scenario (Long Term): Talks Collapse',
    '- ***Trigger:***A strike.',
    '- **Outcome:**Escalation.',
  ];
  const text = SECTIONS({ forecast });
  const model = modelOf(text);
  assert.deepEqual(model.scenarios.map((scenario) => [scenario.label, scenario.horizon, scenario.title]), [['Most Likely', 'Medium Term', 'Frozen Dialogue'], ['Risk Scenario', 'Long Term', 'Talks Collapse']]);
  assert.deepEqual(model.scenarios.map((scenario) => scenario.fields.map((field) => `${field.id}=${field.value}`)), [['trigger=A walkout.', 'outcome=Fighting resumes.'], ['trigger=A strike.', 'outcome=Escalation.']]);
  assert.deepEqual(ruleLines(text, 'scenario-'), []);
});

test('the sign-off is found above an organisation ending in an abbreviation, and above footnote definitions', () => {
  for (const closing of [['US-01, United States Agent', 'Three Corporate, Inc.'], ['US-01, United States Agent', 'Bureau of Intelligence and Research, State Department'], ['US-01, United States Agent', 'Washington, D.C.'], ['US-01, United States Agent', '', '[^1]: Reuters, 6 February 2026.', '[ref]: https://example.org/report']]) {
    const text = SECTIONS({ signOff: closing });
    const model = modelOf(text);
    assert.equal(model.signOff?.agentId, 'US-01', closing.join(' / '));
    assert.deepEqual(ruleLines(text, 'signoff-'), [], closing.join(' / '));
  }
});

test('“Low-Probability, High-Impact” is a ranking label', () => {
  const forecast = ['## Forecast', '', '### Most Likely (Short Term): Talks Continue', '- Trigger: A round.', '- Outcome: Measures.', '', '### Low-Probability, High-Impact (Short Term): Talks Collapse', '- Trigger: A strike.', '- Outcome: Escalation.'];
  assert.deepEqual(ruleLines(SECTIONS({ forecast }), 'scenario-'), []);
});

test('actor matching: names inside hyphenated compounds, “UK”, “Britain”, “Sanaa”, curly apostrophes; not “Latin American”', () => {
  const mentions = (line: string) => {
    const actors = modelOf(`## Situation\n${line}`).actors;
    return Object.fromEntries(actors.filter((actor) => actor.mentions.length > 0).map((actor) => [actor.name, actor.mentions.map((mention) => mention.text)]));
  };
  assert.deepEqual(mentions('China-Russia flights and the Japan-US alliance; Iran-backed groups and a US-brokered deal.'), {
    China: ['China'],
    Russia: ['Russia'],
    Japan: ['Japan'],
    'United States': ['US', 'US'],
    Iran: ['Iran'],
  });
  assert.deepEqual(mentions('Guinea-Bissau voted.'), { 'Guinea-Bissau': ['Guinea-Bissau'] });
  assert.deepEqual(mentions('The UK and Britain met in Sanaa and in Côte d’Ivoire.'), { 'United Kingdom': ['UK', 'Britain'], Yemen: ['Sanaa'], 'Ivory Coast': ['Côte d’Ivoire'] });
  assert.deepEqual(mentions('Latin American and Central American governments are split.'), {});
});

test('title lines naming the section they stand in, or one before, are sub-blocks (the corpus style’s 🔹 lines)', () => {
  const text = [
    'What next?',
    'IR-01, Iran Agent:',
    '📍 Current Situation: Talks Resume',
    'Talks resumed.',
    '🧨 Strategic Context: Why It Matters',
    '🔹 Key drivers:',
    '- Sanctions pressure.',
    '🔹 Background:',
    '- Talks stalled in 2025.',
  ].join('\n');
  const model = modelOf(text);
  assert.deepEqual(model.sections.map((section) => section.spec.id), ['current-situation', 'strategic-context']);
  assert.deepEqual(model.sections[1]!.children.map((child) => child.title), ['Key drivers', 'Background']);
  assert.deepEqual(ruleLines(text, 'section-empty').concat(ruleLines(text, 'section-duplicate')), []);
});

test('the author line may carry the agent’s opening words after its colon', () => {
  const model = modelOf(['What next for the talks?', 'IR-01, Iran Agent: Here is my latest read of the talks.', '📍 Current Situation', 'Talks resumed.'].join('\n'));
  assert.equal(model.preamble.author?.agentId, 'IR-01');
  assert.equal(model.preamble.author?.role, 'Iran Agent');
  assert.equal(model.preamble.question, 'What next for the talks?');
});

test('numbered scenario headers: `Scenario 2 — Label (Horizon): Title`, with or without an emoji', () => {
  const forecast = [
    '## Forecast',
    '',
    'Scenario 1 — Most Likely (Next 30 Days): Talks Continue',
    '- Trigger: A second round.',
    '- Outcome: Limited measures.',
    '',
    '🟡 Scenario 2 — Alternative (6–12 Months): Phased Disarmament',
    '- Trigger: A deal.',
    '- Outcome: Disarmament in phases.',
    '',
    'Scenario C: Collapse',
    'Talks end.',
  ];
  const text = SECTIONS({ forecast });
  assert.deepEqual(modelOf(text).scenarios.map((scenario) => [scenario.label, scenario.horizon ?? null, scenario.title]), [
    ['Most Likely', 'Next 30 Days', 'Talks Continue'],
    ['Alternative', '6–12 Months', 'Phased Disarmament'],
    ['Scenario C', null, 'Collapse'],
  ]);
  assert.deepEqual(ruleLines(text, 'scenario-no-horizon').concat(ruleLines(text, 'scenario-count')), ['19:scenario-no-horizon']);
});

test('key judgments in chat layout: typographic bullets are items, and a confidence line after them is not part of the last', () => {
  const judgments = (lines: string[]) => modelOf(SECTIONS({ judgments: ['## Key Judgments', ...lines] })).judgments.map((judgment) => judgment.text);
  assert.deepEqual(judgments(['- Talks are likely to continue.', '- A deal is unlikely this year.', 'Confidence: Moderate.']), ['Talks are likely to continue.', 'A deal is unlikely this year.']);
  assert.deepEqual(judgments(['1. Talks are likely to continue.', 'We have moderate confidence in these judgments.']), ['Talks are likely to continue.']);
  assert.deepEqual(judgments(['• Talks are likely to continue.', '• A deal is unlikely this year.', 'Confidence: Moderate.']), ['Talks are likely to continue.', 'A deal is unlikely this year.']);
  assert.deepEqual(judgments(['▪ Talks are likely to continue.', '▪ A deal is unlikely', 'this year.']), ['Talks are likely to continue.', 'A deal is unlikely this year.']);
});

test('keycap emoji open title lines: numbered context blocks and scenario headers', () => {
  const text = SECTIONS({
    situation: ['## Current Situation', '', '1️⃣ Talks Resume in Muscat', 'Talks resumed on Friday.', '2️⃣ Sanctions Bite', 'The rial fell.'],
    forecast: ['## Forecast', '', '1️⃣ Most Likely (Short Term): Talks Continue', '- Trigger: A round.', '- Outcome: Measures.', '', '2️⃣ Risk Scenario (Long Term): Talks Collapse', '- Trigger: A strike.', '- Outcome: Escalation.'],
  });
  const model = modelOf(text);
  assert.deepEqual(model.sections[0]!.children.map((child) => child.title), ['Talks Resume in Muscat', 'Sanctions Bite']);
  assert.deepEqual(model.scenarios.map((scenario) => scenario.label), ['Most Likely', 'Risk Scenario']);
  assert.deepEqual(ruleLines(text, 'scenario-'), []);
});

test('scenario fields written with a spaced dash for the colon', () => {
  const forecast = ['## Forecast', '', '### Most Likely (Short Term): Talks Continue', '- Trigger — A second round.', '- **Outcome** – Limited measures.', '- Why - Both sides need a result.', '', '### Risk Scenario (Long Term): Talks Collapse', '- Trigger: A strike.', '- Outcome: Escalation.'];
  const text = SECTIONS({ forecast });
  assert.deepEqual(modelOf(text).scenarios[0]!.fields.map((field) => `${field.id}=${field.value}`), ['trigger=A second round.', 'outcome=Limited measures.', 'rationale=Both sides need a result.']);
  assert.deepEqual(ruleLines(text, 'scenario-'), []);
  // A dash in a line that names no field is text.
  assert.deepEqual(modelOf(SECTIONS({ forecast: [...forecast, '- Iran — the key actor — stays quiet.'] })).scenarios[1]!.fields.map((field) => field.id), ['trigger', 'outcome']);
});

test('a lead-in in the tasking yields to the section’s own title line further down', () => {
  const text = [
    'What is your assessment of the talks?',
    'Context: Talks resumed last week in Muscat.',
    'IR-01, Iran Agent:',
    '📍 Current Situation: Talks Resume',
    'Talks resumed.',
    '🧨 Strategic Context: Why It Matters',
    'Sanctions bite.',
  ].join('\n');
  const model = modelOf(text);
  assert.deepEqual(model.sections.map((section) => [section.spec.id, section.header.line]), [['current-situation', 3], ['strategic-context', 5]]);
  assert.deepEqual(ruleLines(text, 'section-order').concat(ruleLines(text, 'section-duplicate')), []);
});
