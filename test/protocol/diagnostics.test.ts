/** Pushed diagnostics of open documents: the engine's findings, re-validated on change, never stale. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { CORPUS_TEXT, engineFindings, expectedDiagnostics, serverForFile, type TestClient, uriOf } from './lspClient.js';

// Generous: a cap for a hang, on a shared machine that may start several servers in one test.
const TIMEOUT = { timeout: 120_000 };
let client: TestClient;
let folder: string;

serverForFile((started, workspace) => {
  client = started;
  folder = workspace;
});

test('didOpen publishes exactly the engine findings for the same text', TIMEOUT, async () => {
  const filePath = path.join(folder, 'oman.assessment.md');
  const uri = uriOf(filePath);
  const published = client.nextDiagnostics(uri);
  await client.open(uri, CORPUS_TEXT);
  const findings = engineFindings(CORPUS_TEXT, filePath, folder);
  assert.ok(findings.length > 0, 'the corpus document has findings to compare');
  assert.deepEqual(await published, { uri, version: 1, diagnostics: expectedDiagnostics(findings, uri) });
});

test('didChange re-validates, and only the newest version is published', TIMEOUT, async () => {
  const filePath = path.join(folder, 'changing.assessment.md');
  const uri = uriOf(filePath);
  const opened = client.nextDiagnostics(uri);
  await client.open(uri, CORPUS_TEXT);
  await opened;

  // Two quick edits: drop the sign-off, then also the Bottom line. Only the last one counts.
  const lines = CORPUS_TEXT.split('\n');
  const withoutSignOff = lines.slice(0, -3).join('\n') + '\n';
  const withoutBottomLine = lines.slice(0, -4).join('\n') + '\n';
  const final = client.nextDiagnostics(uri, (params) => params.version === 3);
  await client.change(uri, withoutSignOff);
  await client.change(uri, withoutBottomLine);
  const params = await final;
  const findings = engineFindings(withoutBottomLine, filePath, folder);
  assert.ok(findings.some((finding) => finding.rule === 'signoff-missing'));
  assert.ok(findings.some((finding) => finding.rule === 'section-missing'));
  assert.deepEqual(params.diagnostics, expectedDiagnostics(findings, uri));

  // A round trip after the final publish: anything published for this document came in version order.
  await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  const versions = client.published(uri).map((published) => published.version ?? 0);
  assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
  assert.equal(versions.at(-1), 3);
});

test('incremental changes (ranges, as editors send them) are applied in order and checked', TIMEOUT, async () => {
  const filePath = path.join(folder, 'ranges.assessment.md');
  const uri = uriOf(filePath);
  const opened = client.nextDiagnostics(uri);
  await client.open(uri, CORPUS_TEXT);
  await opened;

  // Delete the last three lines (the sign-off), then type a sentence at the start of line 2.
  const lines = CORPUS_TEXT.split('\n');
  const last = lines.length - 1;
  const edited = client.nextDiagnostics(uri, (params) => params.version === 2);
  await client.changeRanges(uri, [
    { range: { start: { line: last - 3, character: lines[last - 3]!.length }, end: { line: last, character: lines[last]!.length } }, text: '' },
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'It will certainly rain. ' },
  ]);
  const expectedText = [...lines.slice(0, 1), `It will certainly rain. ${lines[1]}`, ...lines.slice(2, last - 2)].join('\n');
  const findings = engineFindings(expectedText, filePath, folder);
  assert.ok(findings.some((finding) => finding.rule === 'signoff-missing'));
  assert.ok(findings.some((finding) => finding.rule === 'likelihood-absolute' && finding.range.start.line === 1));
  assert.deepEqual((await edited).diagnostics, expectedDiagnostics(findings, uri));
});

test('Markdown that is not an assessment is left alone; one that stops being an assessment is cleared', TIMEOUT, async () => {
  const notesUri = uriOf(path.join(folder, 'notes.md'));
  const draftPath = path.join(folder, 'draft.md');
  const draftUri = uriOf(draftPath);
  const withSchema = `---\nschema: builtin:standard\n---\n${CORPUS_TEXT}`;

  await client.open(notesUri, '# Notes\n\nNothing to check here.\n');
  const draftChecked = client.nextDiagnostics(draftUri);
  await client.open(draftUri, withSchema);
  assert.deepEqual((await draftChecked).diagnostics, expectedDiagnostics(engineFindings(withSchema, draftPath, folder), draftUri));
  assert.deepEqual(client.published(notesUri), [], 'no diagnostics, not even empty ones, for plain Markdown');

  const cleared = client.nextDiagnostics(draftUri);
  await client.change(draftUri, CORPUS_TEXT);
  assert.deepEqual(await cleared, { uri: draftUri, version: 2, diagnostics: [] });
});

test('closing a document that is not on disk clears its diagnostics', TIMEOUT, async () => {
  const uri = uriOf(path.join(folder, 'closing.assessment.md'));
  const opened = client.nextDiagnostics(uri);
  await client.open(uri, CORPUS_TEXT);
  assert.ok((await opened).diagnostics.length > 0);
  const cleared = client.nextDiagnostics(uri);
  await client.close(uri);
  assert.deepEqual((await cleared).diagnostics, []);
});

test('tradecraft/documentStatus tells the client the schema and counts', TIMEOUT, async () => {
  const uri = uriOf(path.join(folder, 'status.assessment.md'));
  const status = client.next<{ textDocument: { uri: string } }>('tradecraft/documentStatus', (params) => params.textDocument.uri === uri);
  await client.open(uri, CORPUS_TEXT);
  const findings = engineFindings(CORPUS_TEXT, path.join(folder, 'status.assessment.md'), folder);
  const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
  assert.deepEqual(await status, {
    textDocument: { uri },
    schema: 'builtin:standard',
    counts: { errors: count('error'), warnings: count('warning'), infos: count('info'), hints: count('hint') },
  });
});

test('untitled buffers with schema front matter are checked', TIMEOUT, async () => {
  const uri = 'untitled:Untitled-1';
  const text = `---\nschema: builtin:standard\n---\n${CORPUS_TEXT}`;
  const published = client.nextDiagnostics(uri);
  await client.open(uri, text);
  const diagnostics = (await published).diagnostics;
  assert.deepEqual(
    diagnostics.map((diagnostic) => diagnostic.code),
    engineFindings(text, path.join(folder, 'Untitled-1'), folder).map((finding) => finding.rule),
  );
});
