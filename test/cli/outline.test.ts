/** `tradecraft outline` on the corpus document: the structure a reader sees, in CLI.md's JSON shape and as text. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { corpusDocument, corpusText, parseJson, runCli, tempFolder } from './cliHarness.js';

interface Outline {
  version: number;
  path: string;
  schema: string;
  preamble: { question: string | null; author: { agentId: string; role: string; line: number } | null };
  sections: { id: string; title: string; subtitle: string | null; line: number; form: string; children: { title: string; line: number }[] }[];
  scenarios: { label: string; horizon: string | null; title: string; line: number; likelihood: unknown; fields: Record<string, string> }[];
  judgments: { text: string; line: number }[];
  actors: { name: string; mentions: number; firstLine: number | null; positions: { label: string; line: number }[] }[];
  signOff: { agentId: string; role: string; organization: string | null; line: number } | null;
}

let cached: Outline | undefined;

/** The corpus outline, computed once for the tests below (each reads it, none changes it). */
function corpusOutline(): Outline {
  if (cached) return cached;
  const cwd = tempFolder();
  writeFileSync(path.join(cwd, 'us-01.md'), corpusText());
  const run = runCli(['outline', 'us-01.md'], { cwd });
  assert.equal(run.code, 0, run.stderr);
  cached = parseJson<Outline>(run);
  return cached;
}

test('the outline has CLI.md keys', () => {
  const outline = corpusOutline();
  for (const key of ['version', 'path', 'schema', 'preamble', 'sections', 'scenarios', 'judgments', 'actors', 'signOff']) assert.ok(key in outline, key);
  assert.equal(outline.version, 1);
  assert.equal(outline.path, 'us-01.md');
  assert.equal(outline.schema, 'builtin:standard');
});

test('six sections in order, with their forms and subtitles', () => {
  const { sections } = corpusOutline();
  assert.deepEqual(
    sections.map((section) => [section.id, section.line, section.form, section.subtitle]),
    [
      ['current-situation', 4, 'title-line', 'Talks Set for Friday in Oman'],
      ['strategic-context', 12, 'title-line', 'Why These Talks Matter (and Why They’re Fragile)'],
      ['assessment', 32, 'title-line', 'Why This Session Has Limited Upside'],
      ['forecast', 37, 'title-line', 'Two Plausible Scenarios'],
      ['strategic-implications', 45, 'title-line', null],
      ['bottom-line', 48, 'lead-in', null],
    ],
  );
  assert.deepEqual(
    sections[1]!.children.map((child) => [child.line, child.title]),
    [
      [13, 'Tension After Escalation in 2025'],
      [17, 'Irreconcilable Core Objectives (for Now)'],
      [27, 'Regional Security Pressures'],
    ],
  );
});

test('two scenarios with their labels, horizons, titles and fields', () => {
  const { scenarios } = corpusOutline();
  assert.deepEqual(
    scenarios.map((scenario) => [scenario.line, scenario.label, scenario.horizon, scenario.title, Object.keys(scenario.fields)]),
    [
      [38, 'Most Likely', 'Short Term', 'Limited Nuclear Confidence-Building Measures', ['outcome', 'rationale', 'risk']],
      [42, 'Risk Scenario', null, 'Negotiations Collapse → Regional Escalation', ['trigger', 'outcome']],
    ],
  );
  assert.match(scenarios[0]!.fields.outcome!, /^Talks produce a brief agreement/);
  assert.match(scenarios[1]!.fields.outcome!, /^Renewed confrontations/);
});

test('four key judgments', () => {
  const { judgments } = corpusOutline();
  assert.deepEqual(judgments.map((judgment) => judgment.line), [33, 34, 35, 36]);
  assert.match(judgments[0]!.text, /^Negotiating space is extremely constrained/);
});

test('actors with their mentions and positions', () => {
  const { actors } = corpusOutline();
  const byName = new Map(actors.map((actor) => [actor.name, actor]));
  // Counted by hand in the document (names, demonyms, capitals; not the agent id US-01).
  const expected: [string, number, [string, number][]][] = [
    ['United States', 20, [['U.S. priorities', 18]]],
    ['Iran', 25, [['Iran’s position', 22]]],
    ['Israel', 7, []],
    ['Oman', 14, []],
    ['Turkey', 2, []],
  ];
  for (const [name, mentions, positions] of expected) {
    const actor = byName.get(name);
    assert.ok(actor, `${name} is missing from ${[...byName.keys()].join(', ')}`);
    assert.equal(actor.mentions, mentions, name);
    assert.deepEqual(actor.positions.map((position) => [position.label, position.line]), positions, name);
  }
  assert.equal(byName.get('Turkey')!.firstLine, 30);
});

test('preamble author and sign-off', () => {
  const { preamble, signOff } = corpusOutline();
  assert.deepEqual(preamble.author, { agentId: 'US-01', role: 'US Agent', line: 2 });
  assert.match(preamble.question!, /^The United States and Iran are preparing/);
  assert.deepEqual(signOff, { agentId: 'US-01', role: 'US Agent', organization: 'Three Corporate', line: 49 });
});

test('--format text prints a readable tree', () => {
  const run = runCli(['outline', corpusDocument, '--format', 'text'], { cwd: tempFolder() });
  assert.equal(run.code, 0);
  const lines = run.stdout.split('\n');
  const has = (pattern: RegExp) => assert.ok(lines.some((line) => pattern.test(line)), `no line matches ${pattern}\n${run.stdout}`);
  has(/^ {3}4 {4}Current Situation — Talks Set for Friday in Oman {1,2}\[current-situation, title-line\]$/);
  has(/^ {2}48 {4}Bottom Line {1,2}\[bottom-line, lead-in\]$/);
  has(/^ {2}38 {4}Most Likely \(Short Term\): Limited Nuclear Confidence-Building Measures$/);
  has(/^ {2}43 {6}trigger: If one side feels/);
  has(/^ {2}18 {6}position: U\.S\. priorities$/);
  has(/^ {2}49 {2}Sign-off: US-01, US Agent \/ Three Corporate$/);
  assert.ok(lines.every((line) => line.length <= 100), 'lines fit 100 columns');
});

test('outline of a missing or binary file exits 2', () => {
  const cwd = tempFolder();
  writeFileSync(path.join(cwd, 'binary.md'), Buffer.from([0, 1, 2, 3]));
  for (const file of ['missing.md', 'binary.md']) {
    const run = runCli(['outline', file], { cwd });
    assert.equal(run.code, 2, file);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, new RegExp(file.replace('.', '\\.')));
  }
});
