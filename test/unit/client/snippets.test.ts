/**
 * The snippets users insert: generated from the built-in schema and the rule registry, and what
 * they insert by default lints clean.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { builtinSchema, lintText, loadSchema, RULES, type Finding } from '../../../server/src/core/index.js';
import { snippetFile, type SnippetDefinition } from '../../../client/src/templates/snippetFile.js';
import { assessmentSnippet, likelihoodChoices, scenarioSnippet } from '../../../client/src/templates/skeleton.js';
import { expandSnippetDefaults, TabStops } from '../../../client/src/templates/snippetText.js';
import { projectRoot } from '../../support/paths.js';

const SNIPPETS_PATH = path.join(projectRoot, 'snippets', 'tradecraft.code-snippets');

function readSnippets(): Record<string, SnippetDefinition> {
  return JSON.parse(readFileSync(SNIPPETS_PATH, 'utf8')) as Record<string, SnippetDefinition>;
}

function byPrefix(prefix: string): SnippetDefinition {
  const found = Object.values(readSnippets()).find((snippet) => snippet.prefix === prefix);
  assert.ok(found, `no snippet with prefix ${prefix}`);
  return found;
}

const describe = (findings: readonly Finding[]) => findings.map((finding) => `${finding.range.start.line + 1}: ${finding.rule} ${finding.message}`).join('\n');

test('the snippets file is what the built-in schema and the rule registry generate', () => {
  const expected = snippetFile(builtinSchema(), RULES.map((rule) => rule.id));
  if (process.env.UPDATE_SNIPPETS === '1') writeFileSync(SNIPPETS_PATH, `${JSON.stringify(expected, null, 2)}\n`);
  assert.deepEqual(readSnippets(), expected, 'snippets/tradecraft.code-snippets is stale: run the unit tests once with UPDATE_SNIPPETS=1 and commit the file');
});

test('every snippet prefix starts with tc- and is unique', () => {
  const prefixes = Object.values(readSnippets()).map((snippet) => snippet.prefix);
  for (const prefix of prefixes) assert.match(prefix, /^tc-[a-z-]+$/);
  assert.equal(new Set(prefixes).size, prefixes.length);
});

test('the assessment skeleton, filled with its defaults, lints with no errors or warnings', () => {
  const text = expandSnippetDefaults(byPrefix('tc-assessment').body.join('\n'));
  const { findings, model } = lintText(text, { schema: builtinSchema() });
  assert.deepEqual(findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning'), [], describe(findings));
  // Every section of the schema, as a heading, in order; two complete scenarios; a sign-off.
  assert.deepEqual(model.sections.map((section) => [section.spec.id, section.header.form]), builtinSchema().sections.map((section) => [section.id, 'heading']));
  assert.deepEqual(model.scenarios.map((scenario) => [scenario.label, scenario.horizon, scenario.fields.map((field) => field.id)]), [
    ['Most Likely', 'Short Term', ['trigger', 'outcome', 'indicators', 'likelihood']],
    ['Risk Scenario', 'Short Term', ['trigger', 'outcome', 'indicators', 'likelihood']],
  ]);
  assert.deepEqual([model.signOff?.agentId, model.signOff?.role, model.signOff?.organization], ['AB-01', 'Analyst', 'Organization']);
});

test('a scenario inserted into the skeleton is one more complete scenario', () => {
  const skeleton = expandSnippetDefaults(byPrefix('tc-assessment').body.join('\n'));
  const scenario = expandSnippetDefaults(byPrefix('tc-scenario').body.join('\n'));
  const text = skeleton.replace('\n## Strategic Implications', `\n${scenario.replace('Scenario title', 'A third path')}\n\n## Strategic Implications`);
  const { findings, model } = lintText(text, { schema: builtinSchema() });
  assert.equal(model.scenarios.length, 3);
  assert.equal(model.scenarios[2]?.title, 'A third path');
  assert.deepEqual(findings.filter((finding) => finding.severity === 'error'), [], describe(findings));
});

test('the actor-position snippet makes a position block of the actor', () => {
  const skeleton = expandSnippetDefaults(byPrefix('tc-assessment').body.join('\n'));
  const position = expandSnippetDefaults(byPrefix('tc-position').body.join('\n'));
  const text = skeleton.replace('What the reader needs to know about the strategic context.', position);
  const { model } = lintText(text, { schema: builtinSchema() });
  const iran = model.actors.find((actor) => actor.name === 'Iran');
  assert.deepEqual(iran?.positions.map((block) => block.label), ['Iran’s position']);
});

test('the disable snippet offers exactly the registered rules', () => {
  const body = byPrefix('tc-disable').body.join('\n');
  const choices = /\$\{2\|(.*)\|\}/.exec(body)?.[1]?.split(',');
  assert.deepEqual(choices, RULES.map((rule) => rule.id));
  // And what it inserts is a directive the engine understands.
  const { findings } = lintText(`${expandSnippetDefaults(body)}\n`, { schema: builtinSchema() });
  assert.equal(findings.filter((finding) => finding.rule === 'disable-unknown-rule').length, 0);
});

test('likelihood choices put a fitting default first and keep to ICD 203 row 1', () => {
  assert.deepEqual(likelihoodChoices(builtinSchema()), ['likely', 'almost certain', 'very likely', 'roughly even chance', 'unlikely', 'very unlikely', 'almost no chance']);
  assert.equal(likelihoodChoices(builtinSchema(), 30)[0], 'unlikely');
});

test('skeletons follow a custom schema: heading level, sections, fields, sign-off and yardstick', () => {
  const file = '/workspace/tradecraft.schema.yaml';
  const yaml = `extends: builtin:standard
headingLevel: 3
sections:
  - { id: summary, title: Summary, required: true, role: bottom-line, position: first }
  - { id: outlook, title: Outlook, required: true, role: scenarios }
scenarios:
  min: 2
  labels: [Base Case, Worst Case]
  fields:
    - { id: trigger, title: Signposts, aliases: [Signposts], required: true }
    - { id: outcome, title: Result, aliases: [Result], required: true }
    - { id: cost, title: Cost, aliases: [Cost], required: true }
    - { id: likelihood, title: Likelihood, aliases: [Likelihood], required: false }
signOff:
  pattern: '^Analyst (?<agentId>\\d+) \\((?<role>[^)]+)\\)$'
  organization: forbidden
  template: 'Analyst 7 (Desk)'
yardstick: phia
`;
  const loaded = loadSchema(file, { readFile: (filePath) => (filePath === file ? yaml : undefined) });
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.problems.map((problem) => problem.message).join('\n'));
  const schema = loaded.schema;
  const text = expandSnippetDefaults(assessmentSnippet(schema));
  assert.match(text, /^### Summary$/m);
  assert.match(text, /^#### 🟢 Base Case \(Short Term\): /m);
  assert.match(text, /^- Cost: /m);
  assert.match(text, /^- Likelihood: likely$/m);
  const { findings, model } = lintText(text, { schema });
  assert.deepEqual(findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning'), [], describe(findings));
  assert.equal(model.scenarios.length, 2);
  assert.equal(model.signOff?.agentId, '7');
  assert.equal(model.signOff?.organization, undefined);
  // Insert Scenario uses the same schema.
  assert.match(expandSnippetDefaults(scenarioSnippet(schema)), /^#### 🟢 Base Case \(Short Term\): Scenario title\n- Signposts: .+\n- Result: .+\n- Cost: .+\n- Likelihood: likely$/);
});

test('snippet text: escaping, numbering and default expansion', () => {
  const stops = new TabStops();
  const snippet = `${stops.placeholder('costs $5 {a}')} ${stops.choice(['a,b', 'c|d', '$x'])} ${stops.placeholder('back\\slash')}`;
  assert.equal(snippet, '${1:costs \\$5 {a\\}} ${2|a\\,b,c\\|d,\\$x|} ${3:back\\\\slash}');
  assert.equal(expandSnippetDefaults(snippet), 'costs $5 {a} a,b back\\slash');
  assert.equal(expandSnippetDefaults('a $1 b ${2} c ${3:x ${4:y} z} $0'), 'a  b  c x y z ');
  assert.throws(() => new TabStops().choice([]));
});
