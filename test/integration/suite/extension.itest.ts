/**
 * Tradecraft in a real VS Code: the extension activates, the server's diagnostics arrive, the
 * outline view, snippets, quick fixes, commands and the preview work on the example workspace
 * (a temporary copy of test/integration/workspace).
 */
/// <reference types="mocha" />
import assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { Commands, Views } from '../../../client/src/constants.js';
import type { ConvertResult } from '../../../client/src/commands/convert.js';
import type { WorkspaceSummary } from '../../../client/src/commands/lintWorkspace.js';
import type { TradecraftApi } from '../../../client/src/extension.js';
import type { OutlineNode } from '../../../client/src/outline/outlineTree.js';
import { diagnostics, outline, ruleOf, until } from './waiters.js';

const EXTENSION_ID = 'tradecraft.tradecraft';

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(name)));
}

function child(node: OutlineNode | undefined, label: string): OutlineNode {
  const found = node?.children.find((candidate) => candidate.label === label);
  assert.ok(found, `${node?.label ?? 'the tree'} has “${label}” (has: ${node?.children.map((candidate) => candidate.label).join(', ')})`);
  return found;
}

suite('Tradecraft in VS Code', () => {
  let api: TradecraftApi;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<TradecraftApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed in the test instance`);
    api = await extension.activate();
    await api.ready;
  });

  teardown(async () => {
    await vscode.commands.executeCommand('leaveSnippet');
  });

  test('diagnostics arrive for a chat-export assessment, with rule codes and doc links', async () => {
    const uri = workspaceFile('nile-talks.assessment.md');
    const waiting = diagnostics(uri, (found) => found.some((diagnostic) => ruleOf(diagnostic) === 'scenario-missing-field'));
    await open('nile-talks.assessment.md');
    const found = await waiting;
    const missing = found.find((diagnostic) => ruleOf(diagnostic) === 'scenario-missing-field')!;
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(missing.range.start.line, 18, 'on the header of the Most Likely scenario');
    assert.ok(typeof missing.code === 'object' && missing.code.target.toString().endsWith('/scenario-missing-field.md'));
    assert.equal(found.filter((diagnostic) => ruleOf(diagnostic) === 'section-not-heading').length, 6);
  });

  test('the Assessment Outline shows actors with their positions and scenarios with their fields', async () => {
    const uri = workspaceFile('nile-talks.assessment.md');
    await open('nile-talks.assessment.md');
    await outline(api, uri, (snapshot) => snapshot.result.outline.scenarios.length === 2);
    await vscode.commands.executeCommand(`${Views.assessmentOutline}.focus`);
    // The tree is rebuilt as diagnostics arrive; wait for the scenario's warning.
    const roots = await until(api.outlineTree.onDidChangeTreeData, () => {
      const nodes = api.outlineTree.nodes();
      return nodes[1]?.children[0]?.icon === 'scenario-warning' ? nodes : undefined;
    });
    const [actors, scenarios] = roots;
    assert.equal(actors?.label, 'Actors');
    assert.deepEqual(child(actors, 'Egypt').children.filter((node) => node.icon === 'position').map((node) => node.label), ['Egypt\'s position']);
    assert.match(child(actors, 'Ethiopia').description ?? '', /^5 mentions · 1 position$/);
    child(actors, 'Sudan');

    assert.equal(scenarios?.label, 'Scenarios');
    const mostLikely = child(scenarios, 'Most Likely: Technical Talks Continue');
    assert.equal(mostLikely.description, 'Short Term');
    assert.deepEqual(mostLikely.children.map((node) => [node.label, node.icon]), [
      ['Outcome', 'field'],
      ['Why', 'field'],
      ['Trigger', 'field-missing'],
    ]);
    const risk = child(scenarios, 'Risk Scenario: Talks Break Down');
    assert.equal(risk.icon, 'scenario');
    assert.deepEqual(risk.children.map((node) => node.label), ['Trigger', 'Outcome']);

    // Clicking a node reveals its line.
    const item = api.outlineTree.getTreeItem(child(risk, 'Trigger'));
    assert.equal(item.command?.command, Commands.revealLine);
    await vscode.commands.executeCommand(item.command.command, ...((item.command.arguments ?? []) as unknown[]));
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 22);
  });

  test('a quick fix adds the missing trigger', async () => {
    const uri = workspaceFile('nile-talks.assessment.md');
    await open('nile-talks.assessment.md');
    const [missing] = (await diagnostics(uri, (found) => found.some((diagnostic) => ruleOf(diagnostic) === 'scenario-missing-field'))).filter(
      (diagnostic) => ruleOf(diagnostic) === 'scenario-missing-field',
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, missing!.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => !action.title.startsWith('Disable') && action.edit && action.diagnostics?.some((diagnostic) => ruleOf(diagnostic) === 'scenario-missing-field'));
    assert.ok(fix, `a quick fix for the missing field (offered: ${actions.map((action) => action.title).join('; ')})`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    await diagnostics(uri, (found) => found.length > 0 && !found.some((diagnostic) => ruleOf(diagnostic) === 'scenario-missing-field'));
    assert.match((await vscode.workspace.openTextDocument(uri)).getText(), /^- Trigger:/m);
  });

  test('the assessment snippet inserts a skeleton that lints without errors, and Insert Scenario adds one more', async () => {
    const uri = workspaceFile('skeleton.assessment.md');
    await fs.writeFile(uri.fsPath, '');
    const editor = await open('skeleton.assessment.md');
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Tradecraft: assessment skeleton' });
    const inserted = await outline(api, uri, (snapshot) => snapshot.version === editor.document.version && snapshot.result.outline.scenarios.length === 2);
    assert.equal(inserted.result.counts.errors, 0);
    assert.equal(inserted.result.counts.warnings, 0);
    await vscode.commands.executeCommand('leaveSnippet');

    const before = editor.document.getText().split('\n').findIndex((line) => line === '## Strategic Implications') - 1;
    editor.selection = new vscode.Selection(before, 0, before, 0);
    assert.equal(await vscode.commands.executeCommand(Commands.insertScenario), true);
    const three = await outline(api, uri, (snapshot) => snapshot.version === editor.document.version && snapshot.result.outline.scenarios.length === 3);
    assert.equal(three.result.outline.scenarios[2]?.title, 'Scenario title');
  });

  test('New Assessment writes the skeleton of the chosen schema into a new file', async () => {
    const target = workspaceFile('reports/new.assessment.md');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>(Commands.newAssessment, { schema: 'builtin:standard', target });
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), target.toString());
    assert.match(editor.document.getText(), /^---\nschema: builtin:standard\n---\n\n# Assessment title\n/);
    const snapshot = await outline(api, target, (candidate) => candidate.version === editor.document.version);
    assert.equal(snapshot.result.counts.errors, 0);
    // It never overwrites a file.
    assert.equal(await vscode.commands.executeCommand(Commands.newAssessment, { schema: 'builtin:standard', target }), undefined);
  });

  test('Convert to Structured Assessment declares the schema and turns title lines into headings', async () => {
    const uri = workspaceFile('chat-export.md');
    const editor = await open('chat-export.md');
    assert.equal(await api.outline.request(uri), null, 'a plain Markdown file is not an assessment yet');
    const result = await vscode.commands.executeCommand<ConvertResult | undefined>(Commands.convertToStructured, undefined, { schema: 'builtin:standard' });
    assert.deepEqual(result, { declared: true, applied: 1 });
    const text = editor.document.getText();
    assert.match(text, /^---\nschema: builtin:standard\n---\n/);
    assert.match(text, /^## (?:\S+ )?Current Situation: Grid Disconnected From the Russian System$/m);
    assert.match(text, /^## (?:\S+ )?Forecast — Two Scenarios$/m);
    const found = await diagnostics(uri, (all) => !all.some((diagnostic) => ruleOf(diagnostic) === 'section-not-heading'));
    assert.deepEqual(found.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error), []);
  });

  test('the Structured Preview renders the active assessment and follows edits and the active editor', async () => {
    const rendered = (marker: string): Promise<string> =>
      new Promise((resolve) => {
        const subscription = api.preview.onDidRender((html) => {
          if (html.includes(marker)) {
            subscription.dispose();
            resolve(html);
          }
        });
      });
    const editor = await open('nile-talks.assessment.md');
    const first = rendered('Technical Talks Continue');
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>(Commands.showPreview);
    const html = await first;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
    assert.equal((html.match(/<article class="card">/g) ?? []).length, 2);

    // Typing shows up in the preview, as text.
    const typed = rendered('&lt;script&gt;marker&lt;/script&gt;');
    const bottomLine = editor.document.getText().split('\n').findIndex((line) => line.startsWith('Bottom line:'));
    await editor.edit((edit) => edit.insert(new vscode.Position(bottomLine, 'Bottom line:'.length), ' <script>marker</script>'));
    await typed;

    // Switching to another assessment switches the preview.
    const switched = rendered('Stable Operation');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('chat-export.md')), vscode.ViewColumn.One);
    await switched;
    panel.dispose();
  });

  test('Open Rule Docs opens a rule’s page and refuses what is not a rule', async () => {
    assert.equal(await vscode.commands.executeCommand(Commands.openRuleDocs, 'no-such-rule'), undefined);
    assert.equal(await vscode.commands.executeCommand(Commands.openRuleDocs, { id: 'section-missing' }), undefined);
    const opened = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.openRuleDocs, 'section-missing', 'https://example.invalid/');
    assert.ok(opened?.path.endsWith('/docs/rules/section-missing.md'), opened?.toString());
  });

  test('Lint Workspace sums up the workspace’s findings', async () => {
    const summary = await vscode.commands.executeCommand<WorkspaceSummary>(Commands.lintWorkspace);
    assert.ok(summary.files >= 1, JSON.stringify(summary));
  });

  test('Restart Server brings the server back and the outline with it', async () => {
    const uri = workspaceFile('nile-talks.assessment.md');
    await open('nile-talks.assessment.md');
    await vscode.commands.executeCommand(Commands.restartServer);
    assert.ok(api.client.isRunning());
    const result = await api.outline.request(uri);
    assert.equal(result?.outline.scenarios.length, 2);
  });
});
