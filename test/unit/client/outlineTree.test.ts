/** The Assessment Outline's tree, built from the corpus document's outline as the server sends it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinSchema } from '../../../server/src/core/index.js';
import { buildOutlineTree, formatBand, type OutlineNode } from '../../../client/src/outline/outlineTree.js';
import { check, corpusText } from './outlineFixture.js';

const fields = builtinSchema().scenarios.fields.map(({ id, title, required }) => ({ id, title, required }));

function allIds(nodes: readonly OutlineNode[]): string[] {
  return nodes.flatMap((node) => [node.id, ...allIds(node.children)]);
}

test('two roots, Actors and Scenarios, with their counts', () => {
  const { result, findings } = check(corpusText());
  const [actors, scenarios] = buildOutlineTree(result.outline, { problems: findings.map((f) => ({ rule: f.rule, line: f.range.start.line + 1, message: f.message })), fields });
  assert.equal(actors?.label, 'Actors');
  assert.equal(scenarios?.label, 'Scenarios');
  assert.equal(scenarios?.description, '2');
  assert.equal(actors?.description, String(actors?.children.length));
  assert.ok((actors?.children.length ?? 0) >= 3, 'the United States, Iran, Israel and others are mentioned');
});

test('actors list their position blocks and the lines that mention them', () => {
  const text = corpusText();
  const lines = text.split('\n');
  const { result } = check(text);
  const [actors] = buildOutlineTree(result.outline, { lineText: (line) => lines[line - 1] });
  const byName = new Map(actors?.children.map((node) => [node.label, node]));

  const us = byName.get('United States');
  assert.ok(us);
  const usOutline = result.outline.actors.find((actor) => actor.name === 'United States')!;
  assert.match(us.description ?? '', new RegExp(`^${usOutline.mentions} mentions · 1 position$`));
  assert.equal(us.line, usOutline.firstLine);
  const [position, ...mentions] = us.children;
  assert.deepEqual([position?.label, position?.icon, position?.line], ['U.S. priorities', 'position', 18]);
  // One node per line, in line order, each showing the line's text and revealing it.
  const mentionLines = [...new Set(usOutline.mentionLines)];
  assert.deepEqual(mentions.map((node) => node.line), mentionLines);
  for (const node of mentions) {
    const line = lines[node.line! - 1]!.trim();
    assert.equal(node.icon, 'mention');
    assert.equal(node.tooltip, line);
    assert.ok(node.label.length <= 80 && (node.label === line || (node.label.endsWith('…') && line.startsWith(node.label.slice(0, -1)))), node.label);
  }

  const iran = byName.get('Iran');
  assert.deepEqual(iran?.children.filter((node) => node.icon === 'position').map((node) => node.label), ['Iran’s position']);
});

test('a line that mentions an actor twice is one node saying so', () => {
  const { result } = check('Iran and Tehran disagree.\n');
  const [actors] = buildOutlineTree(result.outline);
  const iran = actors?.children.find((node) => node.label === 'Iran');
  assert.equal(iran?.children.length, 1);
  assert.equal(iran?.children[0]?.description, 'line 1 · 2×');
});

test('scenarios show label and title, horizon in the description, and their fields in order', () => {
  const { result, findings } = check(corpusText());
  const problems = findings.map((f) => ({ rule: f.rule, line: f.range.start.line + 1, message: f.message }));
  const [, scenarios] = buildOutlineTree(result.outline, { problems, fields });
  const [mostLikely, risk] = scenarios!.children;
  assert.equal(mostLikely?.label, 'Most Likely: Limited Nuclear Confidence-Building Measures');
  assert.equal(mostLikely?.description, 'Short Term');
  assert.equal(mostLikely?.line, 38);
  assert.deepEqual(mostLikely?.children.map((node) => [node.label, node.line, node.icon]), [
    ['Outcome', 39, 'field'],
    ['Why', 40, 'field'],
    ['Risk', 41, 'field'],
    ['Trigger', 38, 'field-missing'],
  ]);
  assert.equal(risk?.label, 'Risk Scenario: Negotiations Collapse → Regional Escalation');
  assert.deepEqual(risk?.children.map((node) => node.label), ['Trigger', 'Outcome']);
  assert.match(risk?.children[0]?.tooltip ?? '', /^If one side feels negotiations/);
});

test('a scenario is flagged by its scenario-missing-field finding, and only then', () => {
  const { result, findings } = check(corpusText());
  const problems = findings.map((f) => ({ rule: f.rule, line: f.range.start.line + 1, message: f.message }));
  const flagged = (options: Parameters<typeof buildOutlineTree>[1]) => buildOutlineTree(result.outline, options)[1]!.children.map((node) => node.icon);

  assert.deepEqual(flagged({ problems, fields }), ['scenario-warning', 'scenario']);
  const tooltip = buildOutlineTree(result.outline, { problems, fields })[1]!.children[0]!.tooltip ?? '';
  assert.match(tooltip, /has no trigger/);
  // The rule turned off: no findings, no flag, no "missing" child.
  assert.deepEqual(flagged({ problems: [], fields }), ['scenario', 'scenario']);
  assert.equal(buildOutlineTree(result.outline, { problems: [], fields })[1]!.children[0]!.children.length, 3);
  // Not validated yet: the schema's required fields decide.
  assert.deepEqual(flagged({ fields }), ['scenario-warning', 'scenario']);
});

test('likelihood terms show with their band', () => {
  const text = `## Forecast

### Most Likely (Short Term): Talks continue
- Trigger: A date is set.
- Outcome: Talks continue; this is likely.
`;
  const { result } = check(text);
  const scenario = result.outline.scenarios[0];
  assert.ok(scenario?.likelihood, 'the estimative pass finds “likely” in the scenario');
  const [, scenarios] = buildOutlineTree(result.outline);
  assert.equal(scenarios?.children[0]?.description, `${scenario.likelihood.term} (${formatBand(scenario.likelihood.band)}) · Short Term`);
});

test('an empty outline gives empty roots that say so', () => {
  const { result } = check('Nothing here.\n');
  const roots = buildOutlineTree(result.outline);
  assert.deepEqual(roots.map((node) => [node.label, node.description, node.children.length]), [
    ['Actors', 'none found', 0],
    ['Scenarios', 'none found', 0],
  ]);
});

test('node ids are unique, so the view can keep expansion state', () => {
  const { result } = check(corpusText());
  const ids = allIds(buildOutlineTree(result.outline, { fields }));
  assert.equal(new Set(ids).size, ids.length);
});

test('bands format as percent ranges', () => {
  assert.equal(formatBand([55, 80]), '55–80%');
  assert.equal(formatBand([100, 100]), '100%');
});
