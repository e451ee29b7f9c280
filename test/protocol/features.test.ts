/** Completion, hover, document symbols, folding and the `tradecraft/outline` request. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { CompletionItem, DocumentSymbol, FoldingRange, Hover } from 'vscode-languageserver-protocol';
import { Engine, ruleById, RULES, toOutline } from '../../server/src/core/index.js';
import { CORPUS_TEXT, RULE_DOCS, serverForFile, TestClient, tempFolder, uriOf } from './lspClient.js';

// Generous: a cap for a hang, on a shared machine that may start several servers in one test.
const TIMEOUT = { timeout: 120_000 };
let client: TestClient;
let folder: string;

serverForFile((started, workspace) => {
  client = started;
  folder = workspace;
});

/** Opens a document and waits until the server has checked it. */
async function open(name: string, text: string): Promise<string> {
  const uri = uriOf(path.join(folder, name));
  const checked = client.nextDiagnostics(uri);
  await client.open(uri, text);
  await checked;
  return uri;
}

function complete(uri: string, line: number, character: number): Promise<CompletionItem[]> {
  return client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character }, context: { triggerKind: 1 } });
}

function hover(uri: string, line: number, character: number): Promise<Hover | null> {
  return client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
}

const corpusLines = CORPUS_TEXT.split('\n');
const RISK_LINE = corpusLines.findIndex((line) => line.startsWith('- Risk: If statements'));

test('completion inside a scenario offers its missing fields, required ones first', TIMEOUT, async () => {
  // An empty line after the first scenario's last field (it has Outcome, Why and Risk).
  const text = [...corpusLines.slice(0, RISK_LINE + 1), '', ...corpusLines.slice(RISK_LINE + 1)].join('\n');
  const uri = await open('complete-fields.assessment.md', text);
  const at = { line: RISK_LINE + 1, character: 0 };
  const items = await complete(uri, at.line, at.character);
  assert.deepEqual(items.map((item) => item.label), ['Trigger', 'Indicators', 'Likelihood', 'Horizon']);
  assert.deepEqual(items[0], {
    label: 'Trigger',
    kind: 5,
    detail: 'required scenario field (missing)',
    documentation: 'Also written as: Triggers, Trigger event, Trigger events, Signposts, Signpost',
    sortText: '000',
    filterText: 'Trigger',
    // The scenario's fields are list items, so the new one is too.
    textEdit: { range: { start: at, end: at }, newText: '- Trigger: ' },
  });

  // After a typed list marker and a partial name, only the name is inserted, over what was typed.
  const typed = [...corpusLines.slice(0, RISK_LINE + 1), '- Tri', ...corpusLines.slice(RISK_LINE + 1)].join('\n');
  const changed = client.nextDiagnostics(uri, (params) => params.version === 2);
  await client.change(uri, typed);
  await changed;
  const [trigger] = await complete(uri, RISK_LINE + 1, 5);
  assert.deepEqual(trigger?.textEdit, { range: { start: { line: RISK_LINE + 1, character: 2 }, end: { line: RISK_LINE + 1, character: 5 } }, newText: 'Trigger: ' });
});

test('completion at the start of a line offers the sections the schema expects next, missing ones only', TIMEOUT, async () => {
  const uri = await open('complete-sections.assessment.md', '## Assessment\n- Talks will continue.\n\n');
  const items = await complete(uri, 2, 0);
  assert.deepEqual(
    items.map((item) => [item.label, item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined]),
    [
      ['Forecast', '## Forecast'],
      ['Strategic Implications', '## Strategic Implications'],
      ['Bottom Line', '## Bottom Line'],
      ['Current Situation', '## Current Situation'],
      ['Strategic Context', '## Strategic Context'],
    ],
  );
});

test('completion inside a sentence offers no headings: what replaces the typed words must begin with them', TIMEOUT, async () => {
  const uri = await open('complete-prose.assessment.md', '## Assessment\n- Talks will continue.\n\nIt is lik\n\nBott\n');
  const inSentence = await complete(uri, 3, 9);
  assert.deepEqual(inSentence.filter((item) => item.kind === 9 /* Module: a section */).map((item) => item.label), []);
  assert.ok(inSentence.some((item) => item.label === 'likely'), 'the yardstick terms are still offered');
  assert.deepEqual((await complete(uri, 5, 4)).filter((item) => item.kind === 9).map((item) => item.label), ['Bottom Line']);
});

test('completion after the bottom line offers the sign-off, filled from the author line', TIMEOUT, async () => {
  const uri = await open('complete-signoff.assessment.md', 'What now?\nUS-01, US Agent:\n## Bottom Line\nFragile.\n\n');
  const items = await complete(uri, 4, 0);
  const signOff = items.find((item) => item.detail === 'sign-off');
  assert.equal(signOff?.label, 'US-01, US Agent');
  assert.equal(signOff.insertTextFormat, 2);
  assert.deepEqual(signOff.textEdit, { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: '${1:US-01}, ${2:US Agent}$0' });
  // Above the bottom line's text it would not close the document.
  const above = await open('complete-signoff-above.assessment.md', 'What now?\nUS-01, US Agent:\n## Bottom Line\n\nFragile.\n');
  assert.equal((await complete(above, 3, 0)).find((item) => item.detail === 'sign-off'), undefined);
});

test('completion inside a disable comment offers rule ids', TIMEOUT, async () => {
  const uri = await open('complete-rules.assessment.md', `<!-- tradecraft-disable-next-line sec -->\n${CORPUS_TEXT}`);
  const items = await complete(uri, 0, 37);
  assert.deepEqual(items.map((item) => item.label), RULES.map((rule) => rule.id));
  const range = { start: { line: 0, character: 34 }, end: { line: 0, character: 37 } };
  assert.deepEqual(items.find((item) => item.label === 'section-missing')?.textEdit, { range, newText: 'section-missing' });
});

test('hover on a section header shows what the schema expects, and the finding there with its rule doc', TIMEOUT, async () => {
  const uri = await open('hover.assessment.md', CORPUS_TEXT);
  const line = corpusLines.findIndex((text) => text.startsWith('📈 Forecast'));
  const result = await hover(uri, line, 4);
  const rule = ruleById('section-not-heading')!;
  assert.deepEqual(result, {
    contents: {
      kind: 'markdown',
      value: [
        '**Forecast** — required · section 4 of 6 in `builtin:standard` · role: scenarios',
        '',
        'Also recognised as: Scenarios, Outlook, Forecast Scenarios, Alternative Scenarios, Alternative Futures',
        '',
        'At least 2 scenarios, each with Trigger and Outcome.',
        '',
        '---',
        '',
        `**section-not-heading** (info) — ${rule.description} [Rule documentation](${RULE_DOCS}section-not-heading.md)`,
      ].join('\n'),
    },
    range: { start: { line, character: 0 }, end: { line, character: corpusLines[line]!.length } },
  });
});

test('hover on the sign-off shows its parsed agent, role and organization', TIMEOUT, async () => {
  const uri = await open('hover-signoff.assessment.md', CORPUS_TEXT);
  const line = corpusLines.lastIndexOf('US-01, US Agent');
  assert.deepEqual(await hover(uri, line, 3), {
    contents: { kind: 'markdown', value: '**Sign-off**\n\n| | |\n|---|---|\n| agent | US-01 |\n| role | US Agent |\n| organization | Three Corporate |' },
    range: { start: { line, character: 0 }, end: { line, character: 'US-01, US Agent'.length } },
  });
  assert.equal(await hover(uri, 0, 5), null, 'plain prose has nothing to say');
});

test('document symbols of the corpus document: 6 sections, 2 scenarios with their fields, actors, sign-off', TIMEOUT, async () => {
  const uri = await open('symbols.assessment.md', CORPUS_TEXT);
  const symbols: DocumentSymbol[] = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  const sections = symbols.filter((symbol) => symbol.kind === 2);
  assert.deepEqual(sections.map((symbol) => symbol.name), ['Current Situation', 'Strategic Context', 'Assessment', 'Forecast', 'Strategic Implications', 'Bottom Line']);
  assert.deepEqual(sections[0]!.children?.map((child) => child.name), ['Official confirmation', 'Format & Location controversy', 'Focus areas']);
  const forecast = sections[3]!;
  assert.equal(forecast.detail, 'Two Plausible Scenarios');
  assert.deepEqual(
    forecast.children?.map((scenario) => [scenario.name, scenario.kind, scenario.children?.map((field) => field.name)]),
    [
      ['Most Likely', 24, ['Outcome', 'Why', 'Risk']],
      ['Risk Scenario', 24, ['Trigger', 'Aftermath']],
    ],
  );
  const mostLikely = forecast.children?.[0];
  assert.ok(mostLikely);
  assert.equal(mostLikely.detail, '(Short Term) Limited Nuclear Confidence-Building Measures');
  assert.deepEqual(mostLikely.selectionRange, { start: { line: RISK_LINE - 3, character: 0 }, end: { line: RISK_LINE - 3, character: corpusLines[RISK_LINE - 3]!.length } });

  const actors = symbols.find((symbol) => symbol.name === 'Actors');
  const positions = Object.fromEntries(actors?.children?.map((actor) => [actor.name, actor.children?.map((position) => position.name) ?? []]) ?? []);
  assert.deepEqual(positions['United States'], ['U.S. priorities']);
  assert.deepEqual(positions.Iran, ['Iran’s position']);
  assert.deepEqual(symbols.at(-1), {
    name: 'Sign-off: US-01',
    kind: 20,
    detail: 'US Agent · Three Corporate',
    range: { start: { line: 48, character: 0 }, end: { line: 49, character: 15 } },
    selectionRange: { start: { line: 48, character: 0 }, end: { line: 48, character: 15 } },
  });

  // Every child lies inside its parent: editors rely on it to follow the cursor.
  const contains = (outer: DocumentSymbol['range'], inner: DocumentSymbol['range']) =>
    (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
    (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));
  const check = (symbol: DocumentSymbol) => {
    assert.ok(contains(symbol.range, symbol.selectionRange), symbol.name);
    for (const child of symbol.children ?? []) {
      assert.ok(contains(symbol.range, child.range), `${child.name} in ${symbol.name}`);
      check(child);
    }
  };
  symbols.forEach(check);
});

test('folding ranges cover each section and each scenario', TIMEOUT, async () => {
  const uri = await open('folding.assessment.md', CORPUS_TEXT);
  const ranges: FoldingRange[] = await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
  const starts = (text: string) => corpusLines.findIndex((line) => line.startsWith(text));
  for (const [start, end] of [
    [starts('📍 Current Situation'), starts('🧨') - 1],
    [starts('📈 Forecast'), starts('📍 Strategic Implications') - 1],
    [starts('🟢 Most Likely'), starts('🔴') - 1],
    [starts('🔴 Risk Scenario'), starts('📍 Strategic Implications') - 1],
  ]) {
    assert.ok(ranges.some((range) => range.startLine === start && range.endLine === end), `a fold ${start}–${end} in ${JSON.stringify(ranges)}`);
  }
});

test('tradecraft/outline returns the outline, schema and counts; null for a document that is not an assessment', TIMEOUT, async () => {
  const uri = await open('outline.assessment.md', CORPUS_TEXT);
  const result: unknown = await client.connection.sendRequest('tradecraft/outline', { textDocument: { uri } });
  const engine = new Engine({ readFile: (filePath) => (filePath.startsWith(folder) ? undefined : readFileSync(filePath, 'utf8')) });
  const checked = engine.check({ text: CORPUS_TEXT, documentPath: path.join(folder, 'outline.assessment.md'), workspaceRoot: folder });
  const count = (severity: string) => checked.findings.filter((finding) => finding.severity === severity).length;
  assert.deepEqual(result, {
    outline: toOutline(checked.model, checked.parsed.source, 'outline.assessment.md', 'builtin:standard'),
    schema: 'builtin:standard',
    counts: { errors: count('error'), warnings: count('warning'), infos: count('info'), hints: count('hint') },
  });

  const notes = uriOf(path.join(folder, 'notes.md'));
  await client.open(notes, '# Notes\n');
  assert.equal(await client.connection.sendRequest('tradecraft/outline', { textDocument: { uri: notes } }), null);

  // `{ uri }` is accepted too; anything else is invalid params, said so.
  assert.deepEqual(await client.connection.sendRequest('tradecraft/outline', { uri }), result);
  await assert.rejects(client.connection.sendRequest('tradecraft/outline', { document: uri }), (error: { code: number; message: string }) => {
    assert.equal(error.code, -32602);
    assert.match(error.message, /takes \{ textDocument: \{ uri \} \}/);
    return true;
  });
});

const LIKELY_TEXT = [
  '## Current Situation',
  'Talks are set for Friday.',
  '## Assessment',
  '- Iran will likely attend the talks.',
  '',
  'We have moderate confidence in these judgments.',
  '',
].join('\n');

test('hover on a yardstick term shows its band and the standard defining it', TIMEOUT, async () => {
  const uri = await open('hover-likely.assessment.md', LIKELY_TEXT);
  const result = await hover(uri, 3, 16);
  assert.deepEqual(result?.range, { start: { line: 3, character: 12 }, end: { line: 3, character: 18 } });
  const value = (result.contents as { value: string }).value;
  assert.equal(value.split('\n\n---\n\n')[0], '**likely** — 55–80% on the ICD 203 yardstick\n\nDefined in ICD 203 §D.6.e(2)(a), row 1.');

  const confidence = await hover(uri, 5, 12);
  assert.match((confidence?.contents as { value: string }).value, /^\*\*moderate confidence\*\* — a confidence level of the ICD 203 yardstick/);
});

test('the tradecraft.yardstick setting replaces the schema’s yardstick', TIMEOUT, async () => {
  const { folder: phiaFolder, cleanup: cleanupPhia } = tempFolder();
  const phia = await TestClient.start({ folders: [phiaFolder], settings: () => ({ yardstick: 'phia' }) });
  try {
    const uri = uriOf(path.join(phiaFolder, 'phia.assessment.md'));
    const checked = phia.nextDiagnostics(uri);
    await phia.open(uri, LIKELY_TEXT);
    await checked;
    const result: Hover | null = await phia.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 16 } });
    assert.match((result?.contents as { value: string }).value, /^\*\*likely\*\* — 55–75% on the PHIA yardstick/);
  } finally {
    await phia.stop();
    cleanupPhia();
  }
});

test('completion in prose offers the yardstick terms with their bands, and confidence levels', TIMEOUT, async () => {
  const text = `${LIKELY_TEXT}Talks are roughly ev\nLik`;
  const uri = await open('complete-terms.assessment.md', text);
  const lines = text.split('\n');
  const midSentence = await complete(uri, lines.length - 2, lines.at(-2)!.length);
  const even = midSentence.find((item) => item.label === 'roughly even chance');
  assert.deepEqual(even, {
    label: 'roughly even chance',
    kind: 12,
    detail: '45–55% · ICD 203 row 1',
    documentation: 'Defined in ICD 203 §D.6.e(2)(a), row 1.',
    sortText: even?.sortText,
    filterText: 'roughly even chance',
    // Both typed words are replaced, not just the last one.
    textEdit: { range: { start: { line: lines.length - 2, character: 10 }, end: { line: lines.length - 2, character: 20 } }, newText: 'roughly even chance' },
  });
  assert.deepEqual(
    midSentence.filter((item) => item.kind === 20).map((item) => item.label),
    ['high confidence', 'moderate confidence', 'low confidence'],
  );
  assert.ok(midSentence.some((item) => item.label === 'likely' && item.detail === '55–80% · ICD 203 row 1'));

  // A sentence that opens with a term keeps its capital.
  const lineStart = await complete(uri, lines.length - 1, 3);
  const likely = lineStart.find((item) => item.label === 'likely');
  assert.deepEqual(likely?.textEdit, { range: { start: { line: lines.length - 1, character: 0 }, end: { line: lines.length - 1, character: 3 } }, newText: 'Likely' });
});
