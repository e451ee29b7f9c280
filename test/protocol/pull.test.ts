/** Pull diagnostics, for clients that announce them: document and workspace reports, with result ids, and no pushes. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { DocumentDiagnosticReport, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { CORPUS_TEXT, engineFindings, expectedDiagnostics, PULL_CAPABILITIES, TestClient, tempFolder, uriOf } from './lspClient.js';

// Generous: a cap for a hang, on a shared machine that may start several servers in one test.
const TIMEOUT = { timeout: 120_000 };
const SMALL = '## Current Situation\nTalks continue.\n';

function write(filePath: string, text: string): string {
  mkdirSync(path.dirname(filePath), { recursive: true });
  writeFileSync(filePath, text);
  return filePath;
}

test('a pull client gets document diagnostic reports, unchanged ones by result id, and nothing pushed', TIMEOUT, async () => {
  const { folder, cleanup } = tempFolder();
  const client = await TestClient.start({ folders: [folder], capabilities: PULL_CAPABILITIES, settings: () => ({ validate: { debounceMs: 0 } }) });
  try {
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, { identifier: 'tradecraft', interFileDependencies: true, workspaceDiagnostics: true });
    const filePath = path.join(folder, 'pulled.assessment.md');
    const uri = uriOf(filePath);
    await client.open(uri, CORPUS_TEXT);
    const pull = (previousResultId?: string): Promise<DocumentDiagnosticReport> =>
      client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });

    const first = await pull();
    assert.equal(first.kind, 'full');
    assert.deepEqual(first.items, expectedDiagnostics(engineFindings(CORPUS_TEXT, filePath, folder), uri));
    assert.ok(first.resultId);
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });

    const edited = `${CORPUS_TEXT}\n03/04/26\n`;
    await client.change(uri, edited);
    const second = await pull(first.resultId);
    assert.equal(second.kind, 'full');
    assert.notEqual(second.resultId, first.resultId);
    assert.deepEqual(second.items, expectedDiagnostics(engineFindings(edited, filePath, folder), uri));

    assert.deepEqual(client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics'), []);
  } finally {
    await client.stop();
    cleanup();
  }
});

test('workspace/diagnostic reports files never opened, then only what changed on disk', TIMEOUT, async () => {
  const { folder, cleanup } = tempFolder();
  const corpus = write(path.join(folder, 'oman.assessment.md'), CORPUS_TEXT);
  const small = write(path.join(folder, 'sub', 'small.assessment.md'), SMALL);
  write(path.join(folder, 'README.md'), '# Read me\n');
  const client = await TestClient.start({ folders: [folder], capabilities: PULL_CAPABILITIES });
  try {
    const pullWorkspace = (previousResultIds: { uri: string; value: string }[]): Promise<WorkspaceDiagnosticReport> =>
      client.connection.sendRequest('workspace/diagnostic', { previousResultIds });

    const first = await pullWorkspace([]);
    const byUri = new Map(first.items.map((item) => [item.uri, item]));
    assert.deepEqual([...byUri.keys()].sort(), [corpus, small].map(uriOf).sort());
    for (const [filePath, text] of [[corpus, CORPUS_TEXT], [small, SMALL]] as const) {
      const item = byUri.get(uriOf(filePath));
      assert.equal(item?.kind, 'full');
      assert.equal(item.version, null);
      assert.deepEqual(item.items, expectedDiagnostics(engineFindings(text, filePath, folder), uriOf(filePath)));
    }

    const resultIds = first.items.map((item) => ({ uri: item.uri, value: item.resultId! }));
    const second = await pullWorkspace(resultIds);
    assert.deepEqual(second.items.map((item) => item.kind), ['unchanged', 'unchanged']);

    write(small, CORPUS_TEXT);
    const refreshed = client.nextRefresh();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(small), type: 2 }] });
    await refreshed;
    const third = await pullWorkspace(resultIds);
    const changed = third.items.find((item) => item.uri === uriOf(small));
    assert.equal(changed?.kind, 'full');
    assert.deepEqual(changed.items, expectedDiagnostics(engineFindings(CORPUS_TEXT, small, folder), uriOf(small)));
    assert.equal(third.items.find((item) => item.uri === uriOf(corpus))?.kind, 'unchanged');

    // A pull for a file that is not open answers from disk.
    const closed: DocumentDiagnosticReport = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uriOf(corpus) } });
    assert.deepEqual(closed, { kind: 'full', items: expectedDiagnostics(engineFindings(CORPUS_TEXT, corpus, folder), uriOf(corpus)) });
    assert.deepEqual(client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics'), []);
  } finally {
    await client.stop();
    cleanup();
  }
});

test('a client that pulls documents but takes no refresh (Neovim 0.10/0.11) gets pushes, closed files included', TIMEOUT, async () => {
  const { folder, cleanup } = tempFolder();
  const closed = write(path.join(folder, 'closed.assessment.md'), SMALL);
  const capabilities = { ...PULL_CAPABILITIES, workspace: { ...PULL_CAPABILITIES.workspace, diagnostics: {} } };
  const client = await TestClient.start({ folders: [folder], capabilities, settings: () => ({ validate: { debounceMs: 0 } }) });
  try {
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined, 'no pull diagnostics announced');
    const closedFindings = await client.diagnosticsMatching(uriOf(closed), (params) => params.diagnostics.length > 0);
    assert.deepEqual(closedFindings.diagnostics, expectedDiagnostics(engineFindings(SMALL, closed, folder), uriOf(closed)));
    const filePath = path.join(folder, 'open.assessment.md');
    const uri = uriOf(filePath);
    const published = client.nextDiagnostics(uri);
    await client.open(uri, CORPUS_TEXT);
    assert.deepEqual((await published).diagnostics, expectedDiagnostics(engineFindings(CORPUS_TEXT, filePath, folder), uri));
  } finally {
    await client.stop();
    cleanup();
  }
});
