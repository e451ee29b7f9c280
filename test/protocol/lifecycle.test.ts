/** Initialization, robustness against failing requests and hostile documents, and a clean shutdown. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { ResponseError } from 'vscode-languageserver-protocol';
import { CORPUS_TEXT, engineFindings, expectedDiagnostics, serverForFile, type TestClient, uriOf } from './lspClient.js';

const TIMEOUT = { timeout: 60_000 };
let client: TestClient;
let folder: string;

serverForFile((started, workspace) => {
  client = started;
  folder = workspace;
});

test('initialize announces the server capabilities (push client)', () => {
  assert.deepEqual(client.initializeResult, {
    capabilities: {
      textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.tradecraft'] },
      completionProvider: { triggerCharacters: [' ', ','] },
      hoverProvider: true,
      documentSymbolProvider: { label: 'Tradecraft' },
      foldingRangeProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      // For clients without their own "Open documentation" command.
      executeCommandProvider: { commands: ['tradecraft.server.showRuleDocs'] },
    },
    serverInfo: { name: 'tradecraft' },
  });
});

test('a request that throws is answered with an error, logged, and the server lives on', TIMEOUT, async () => {
  const logged = client.next<{ type: number; message: string }>('window/logMessage', (params) => params.message.includes('textDocument/hover'));
  await assert.rejects(client.connection.sendRequest('textDocument/hover', { position: { line: 0, character: 0 } }), (error: unknown) => {
    assert.ok(error instanceof ResponseError);
    assert.equal(error.code, -32603);
    assert.match(error.message, /textDocument\/hover/);
    return true;
  });
  assert.equal((await logged).type, 1, 'logged as an error');
  await assert.rejects(client.connection.sendRequest('tradecraft/outline', null));

  const uri = uriOf(path.join(folder, 'alive.assessment.md'));
  const published = client.nextDiagnostics(uri);
  await client.open(uri, CORPUS_TEXT);
  assert.deepEqual((await published).diagnostics, expectedDiagnostics(engineFindings(CORPUS_TEXT, path.join(folder, 'alive.assessment.md'), folder), uri));
  assert.ok(client.alive);
});

test('empty, binary and huge documents never crash or hang the server', TIMEOUT, async () => {
  const empty = uriOf(path.join(folder, 'empty.assessment.md'));
  const emptyPublished = client.nextDiagnostics(empty);
  await client.open(empty, '');
  assert.deepEqual((await emptyPublished).diagnostics, expectedDiagnostics(engineFindings('', path.join(folder, 'empty.assessment.md'), folder), empty));

  const binary = uriOf(path.join(folder, 'binary.assessment.md'));
  const binaryPublished = client.nextDiagnostics(binary);
  await client.open(binary, 'PK\u0003\u0004\u0000\u0000\u00ff\u00fe binary garbage \u0000');
  assert.deepEqual((await binaryPublished).diagnostics, [
    {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 25 } },
      severity: 3,
      code: 'document-skipped',
      codeDescription: { href: 'https://github.com/tradecraft-dev/tradecraft/blob/main/docs/rules/document-skipped.md' },
      source: 'tradecraft',
      message: 'Tradecraft did not check this document: it contains NUL characters, so it looks like a binary file, not Markdown text.',
    },
  ]);
  const huge = uriOf(path.join(folder, 'huge.assessment.md'));
  const hugeText = CORPUS_TEXT.repeat(Math.ceil((10 * 1024 * 1024) / CORPUS_TEXT.length));
  const hugePublished = client.nextDiagnostics(huge);
  await client.open(huge, hugeText);
  const [notice] = (await hugePublished).diagnostics;
  assert.ok(notice && typeof notice.message === 'string');
  assert.match(notice.message, /too large \(10\.\d MB; the limit is 5 MB\)/);

  // Every request about such documents is answered, and the server still serves others.
  for (const uri of [binary, huge]) {
    const hover: { contents: { value: string } } = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.match(hover.contents.value, /^\*\*document-skipped\*\*/);
  }
  // The empty document's findings all sit at its start; each rule is described once.
  const emptyHover: { contents: { value: string } } = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: empty }, position: { line: 0, character: 0 } });
  assert.equal(emptyHover.contents.value.match(/\*\*section-missing\*\*/g)?.length, 1);
  const symbols: unknown[] = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: empty } });
  assert.deepEqual(symbols, []);
  assert.ok(client.alive);
});

test('unclosed code fences and odd line endings are checked like any text', TIMEOUT, async () => {
  const text = `${CORPUS_TEXT.replace(/\n/g, '\r\n')}\r\n\`\`\`\r\nunclosed fence\r\n`;
  const filePath = path.join(folder, 'fence.assessment.md');
  const uri = uriOf(filePath);
  const published = client.nextDiagnostics(uri);
  await client.open(uri, text);
  assert.deepEqual((await published).diagnostics, expectedDiagnostics(engineFindings(text, filePath, folder), uri));
});
