/** Code actions: quick fixes that remove their finding, fix-all, disable comments, rule docs. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, CORPUS_TEXT, engineFindings, PUSH_CAPABILITIES, RULE_DOCS, serverForFile, tempFolder, TestClient, uriOf } from './lspClient.js';

// Generous: a cap for a hang, on a shared machine that may start several servers in one test.
const TIMEOUT = { timeout: 120_000 };
let client: TestClient;
let folder: string;

serverForFile((started, workspace) => {
  client = started;
  folder = workspace;
});

/** Opens a document and returns its published diagnostics. */
async function openDocument(name: string, text: string): Promise<{ uri: string; filePath: string; diagnostics: Diagnostic[] }> {
  const filePath = path.join(folder, name);
  const uri = uriOf(filePath);
  const published = client.nextDiagnostics(uri);
  await client.open(uri, text);
  return { uri, filePath, diagnostics: (await published).diagnostics };
}

function codeActions(uri: string, diagnostic: Diagnostic | undefined, only?: string[]): Promise<CodeAction[]> {
  const range = diagnostic?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range,
    context: { diagnostics: diagnostic ? [diagnostic] : [], ...(only ? { only } : {}) },
  });
}

/** The text edits of an action's versioned workspace edit, checked to be for this document and version. */
/** The document's top-level blocks as remark sees them (tables with their row count). */
function blockShapes(text: string): string[] {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .parse(text)
    .children.map((node) => (node.type === 'table' ? `table:${node.children.length}` : node.type));
}

function editsOf(action: CodeAction | undefined, uri: string, version: number): TextEdit[] {
  assert.ok(action?.edit?.documentChanges, `expected an action with versioned edits, got ${JSON.stringify(action)}`);
  const [change] = action.edit.documentChanges as TextDocumentEdit[];
  assert.deepEqual(change!.textDocument, { uri, version });
  return change!.edits.map((edit) => {
    assert.ok('newText' in edit, 'plain text edits, not snippets');
    return edit;
  });
}

test('the quick fix of a finding, applied, removes that finding (engine and server agree)', TIMEOUT, async () => {
  const { uri, filePath, diagnostics } = await openDocument('quickfix.assessment.md', CORPUS_TEXT);
  const missingTrigger = diagnostics.find((diagnostic) => diagnostic.code === 'scenario-missing-field');
  assert.ok(missingTrigger, 'the corpus document lacks a trigger in its first scenario');

  const actions = await codeActions(uri, missingTrigger);
  const fix = actions.find((action) => action.title === 'Add a “Trigger:” field');
  assert.equal(fix?.kind, 'quickfix');
  assert.deepEqual(fix.diagnostics, [missingTrigger]);
  const fixed = applyTextEdits(CORPUS_TEXT, editsOf(fix, uri, 1));

  assert.ok(!engineFindings(fixed, filePath, folder).some((finding) => finding.rule === 'scenario-missing-field'));
  const republished = client.nextDiagnostics(uri, (params) => params.version === 2);
  await client.change(uri, fixed);
  const after = (await republished).diagnostics;
  assert.ok(!after.some((diagnostic) => diagnostic.code === 'scenario-missing-field'));
  assert.equal(after.length, diagnostics.length - 1 + 1, 'the empty Trigger field stub is reported as empty (one finding for another)');
  assert.ok(after.some((diagnostic) => diagnostic.code === 'scenario-empty-field'));
});

test('source.fixAll.tradecraft applies every safe fix at once', TIMEOUT, async () => {
  const { uri, filePath, diagnostics } = await openDocument('fixall.assessment.md', CORPUS_TEXT);
  const safe = engineFindings(CORPUS_TEXT, filePath, folder).filter((finding) => finding.fix?.safe);
  assert.ok(safe.length > 1);

  const actions = await codeActions(uri, undefined, ['source.fixAll']);
  assert.equal(actions.length, 1);
  assert.equal(actions[0]!.kind, 'source.fixAll.tradecraft');
  assert.equal(actions[0]!.title, `Fix all safe problems (${safe.length} fixes)`);
  const fixed = applyTextEdits(CORPUS_TEXT, editsOf(actions[0], uri, 1));
  const remaining = engineFindings(fixed, filePath, folder);
  assert.deepEqual(remaining.filter((finding) => finding.fix?.safe), []);
  assert.equal(remaining.length, diagnostics.length - safe.length, 'only the safely fixable findings went away');

  // Asked for quick fixes on one of them, the same fix-all is offered as a quick fix too.
  const sectionNotHeading = diagnostics.find((diagnostic) => diagnostic.code === 'section-not-heading');
  const quickFixes = await codeActions(uri, sectionNotHeading, ['quickfix']);
  const fixAll = quickFixes.find((action) => action.title.startsWith('Fix all safe problems'));
  assert.equal(fixAll?.kind, 'quickfix');
  assert.deepEqual(fixAll.edit, actions[0]!.edit);
  assert.ok(quickFixes.every((action) => action.kind === 'quickfix'));
});

test('"Disable RULE for this line" inserts a directive above the line, with its indentation', TIMEOUT, async () => {
  const text = [
    '## Current Situation',
    'Talks continue.',
    '## Assessment',
    '- Talks will continue.',
    '## Forecast',
    '🟢 Most Likely (Short Term): Talks continue',
    '  - Trigger: A date is set.',
    '  - Outcome:',
    '🔴 Risk Scenario (Long Term): Talks collapse',
    '  - Trigger: A strike.',
    '  - Outcome: Escalation.',
    '## Bottom Line',
    'Fragile.',
    '',
    'US-01, US Agent',
    '',
  ].join('\n');
  const { uri, filePath, diagnostics } = await openDocument('disable-line.assessment.md', text);
  const emptyField = diagnostics.find((diagnostic) => diagnostic.code === 'scenario-empty-field');
  assert.equal(emptyField?.range.start.line, 7, JSON.stringify(diagnostics));

  const actions = await codeActions(uri, emptyField);
  const disable = actions.find((action) => action.title === 'Disable scenario-empty-field for this line');
  const edits = editsOf(disable, uri, 1);
  assert.deepEqual(edits, [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, newText: '  <!-- tradecraft-disable-next-line scenario-empty-field -->\n' }]);
  const disabled = applyTextEdits(text, edits);
  const before = engineFindings(text, filePath, folder).map((finding) => finding.rule);
  const after = engineFindings(disabled, filePath, folder).map((finding) => finding.rule);
  assert.ok(before.includes('scenario-empty-field'));
  assert.deepEqual(after, before.filter((rule) => rule !== 'scenario-empty-field'));
});

test('in a table row or a paragraph\'s second line, the directive goes around the block, which keeps its parse', TIMEOUT, async () => {
  const text = [
    '## Current Situation',
    '',
    '| Actor | Outlook |',
    '| --- | --- |',
    '| Iran | Talks will definitely resume. |',
    '| Oman | Mediation goes on. |',
    '',
    'Talks continue this week, and',
    'a deal is definitely close.',
    '',
    '## Assessment',
    '',
    '- Talks are likely to continue (moderate confidence).',
    '',
  ].join('\n');
  const { uri, filePath, diagnostics } = await openDocument('disable-block.assessment.md', text);
  const absolutes = diagnostics.filter((diagnostic) => diagnostic.code === 'likelihood-absolute');
  assert.deepEqual(absolutes.map((diagnostic) => diagnostic.range.start.line), [4, 8], JSON.stringify(diagnostics));
  const before = engineFindings(text, filePath, folder);
  for (const [diagnostic, what, rows] of [
    [absolutes[0]!, 'table', [2, 5]],
    [absolutes[1]!, 'paragraph', [7, 8]],
  ] as const) {
    const actions = await codeActions(uri, diagnostic);
    assert.ok(!actions.some((action) => action.title === 'Disable likelihood-absolute for this line'), 'no comment that would cut the block');
    const edits = editsOf(actions.find((action) => action.title === `Disable likelihood-absolute for this ${what}`), uri, 1);
    const disabled = applyTextEdits(text, edits);
    const lines = disabled.split('\n');
    assert.equal(lines[rows[0]], '<!-- tradecraft-disable likelihood-absolute -->');
    assert.equal(lines[rows[1] + 2], '<!-- tradecraft-enable likelihood-absolute -->');
    assert.deepEqual(lines.slice(rows[0] + 1, rows[1] + 2), text.split('\n').slice(rows[0], rows[1] + 1), 'the block itself is unchanged');
    const after = engineFindings(disabled, filePath, folder);
    const expected = before.filter((finding) => !(finding.rule === 'likelihood-absolute' && finding.range.start.line === diagnostic.range.start.line));
    assert.deepEqual(after.map((finding) => finding.rule), expected.map((finding) => finding.rule), 'only that finding is gone');
    assert.deepEqual(blockShapes(disabled).filter((kind) => kind !== 'html'), blockShapes(text), 'the blocks parse as before');
  }
});

test('"Disable RULE for this file" goes after front matter and silences the rule everywhere', TIMEOUT, async () => {
  const text = `---\nschema: builtin:standard\n---\n${CORPUS_TEXT}`;
  const { uri, filePath, diagnostics } = await openDocument('disable-file.md', text);
  const notHeading = diagnostics.find((diagnostic) => diagnostic.code === 'section-not-heading');
  const actions = await codeActions(uri, notHeading);
  const edits = editsOf(actions.find((action) => action.title === 'Disable section-not-heading for this file'), uri, 1);
  assert.deepEqual(edits, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '<!-- tradecraft-disable-file section-not-heading -->\n' }]);
  const before = engineFindings(text, filePath, folder);
  const after = engineFindings(applyTextEdits(text, edits), filePath, folder);
  assert.ok(before.some((finding) => finding.rule === 'section-not-heading'));
  assert.deepEqual(
    after.map((finding) => finding.rule),
    before.map((finding) => finding.rule).filter((rule) => rule !== 'section-not-heading'),
  );
});

test('"Open documentation": a plain client sends the command back, and the server shows the page or names it', TIMEOUT, async () => {
  const { uri, diagnostics } = await openDocument('docs.assessment.md', CORPUS_TEXT);
  const diagnostic = diagnostics.find((candidate) => candidate.code === 'scenario-no-horizon');
  const url = `${RULE_DOCS}scenario-no-horizon.md`;
  const actions = await codeActions(uri, diagnostic);
  const docs = actions.find((action) => action.command);
  assert.deepEqual(docs, {
    title: 'Open documentation for scenario-no-horizon',
    kind: 'quickfix',
    command: { title: 'Open documentation for scenario-no-horizon', command: 'tradecraft.server.showRuleDocs', arguments: ['scenario-no-horizon', url] },
  });
  assert.deepEqual(client.initializeResult.capabilities.executeCommandProvider, { commands: ['tradecraft.server.showRuleDocs'] });
  // This client cannot show documents: the server names the page in a message.
  const message = client.next<{ message: string }>('window/showMessage', () => true);
  assert.equal(await client.connection.sendRequest('workspace/executeCommand', docs.command), null);
  assert.equal((await message).message, `Documentation for scenario-no-horizon: ${url}`);
  await assert.rejects(client.connection.sendRequest('workspace/executeCommand', { command: 'tradecraft.server.showRuleDocs', arguments: ['x', 'file:///etc/passwd'] }), /Unknown command or arguments/);
});

test('"Open documentation" opens the page where the client can show documents, and the extension runs its own command', TIMEOUT, async () => {
  const workspace = tempFolder();
  const shown: unknown[] = [];
  const showing = await TestClient.start({ folders: [workspace.folder], capabilities: { ...PUSH_CAPABILITIES, window: { showDocument: { support: true } } } });
  const extension = await TestClient.start({ folders: [workspace.folder], initializationOptions: { clientOpensRuleDocs: true } });
  try {
    showing.connection.onRequest('window/showDocument', (params: unknown) => {
      shown.push(params);
      return { success: true };
    });
    const url = `${RULE_DOCS}section-not-heading.md`;
    await showing.connection.sendRequest('workspace/executeCommand', { command: 'tradecraft.server.showRuleDocs', arguments: ['section-not-heading', url] });
    assert.deepEqual(shown, [{ uri: url, external: true }]);

    assert.equal(extension.initializeResult.capabilities.executeCommandProvider, undefined, 'no server command where the client has its own');
    const filePath = path.join(workspace.folder, 'docs.assessment.md');
    const published = extension.nextDiagnostics(uriOf(filePath));
    await extension.open(uriOf(filePath), CORPUS_TEXT);
    const diagnostic = (await published).diagnostics.find((candidate) => candidate.code === 'section-not-heading');
    const actions: CodeAction[] = await extension.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uriOf(filePath) }, range: diagnostic!.range, context: { diagnostics: [diagnostic] } });
    assert.equal(actions.find((action) => action.command)?.command?.command, 'tradecraft.openRuleDocs');
  } finally {
    await showing.stop();
    await extension.stop();
    workspace.cleanup();
  }
});

test('without diagnostics in the context, the findings in the requested range get actions', TIMEOUT, async () => {
  const { uri, diagnostics } = await openDocument('range.assessment.md', CORPUS_TEXT);
  const noHorizon = diagnostics.find((diagnostic) => diagnostic.code === 'scenario-no-horizon')!;
  const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: noHorizon.range.start, end: noHorizon.range.start },
    context: { diagnostics: [] },
  });
  assert.deepEqual(
    actions.map((action) => action.title),
    ['Disable scenario-no-horizon for this line', 'Disable scenario-no-horizon for this file', 'Open documentation for scenario-no-horizon'],
  );
});

test('diagnostics sent back with other column units (bytes, as some clients do) still get their actions', TIMEOUT, async () => {
  const { uri, diagnostics } = await openDocument('columns.assessment.md', CORPUS_TEXT);
  const missingTrigger = diagnostics.find((diagnostic) => diagnostic.code === 'scenario-missing-field')!;
  // The scenario header opens with an emoji: 2 UTF-16 code units, 4 UTF-8 bytes.
  const inBytes = { ...missingTrigger, range: { start: missingTrigger.range.start, end: { ...missingTrigger.range.end, character: missingTrigger.range.end.character + 2 } } };
  const actions = await codeActions(uri, inBytes);
  assert.deepEqual(actions.map((action) => action.title), [
    'Add a “Trigger:” field',
    'Disable scenario-missing-field for this line',
    'Disable scenario-missing-field for this file',
    'Open documentation for scenario-missing-field',
  ]);
});
