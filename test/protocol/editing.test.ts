/**
 * Editing through the real server: random sequences of range edits, as editors send them, give
 * exactly the diagnostics of the final text checked from scratch. Between keystrokes the server
 * keeps the document's incremental parser, per-chunk scans and text caches: none may go stale.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CORPUS_TEXT, engineFindings, expectedDiagnostics, TestClient, tempFolder, uriOf } from './lspClient.js';

const TIMEOUT = { timeout: 240_000 };
let client: TestClient;
let workspace: ReturnType<typeof tempFolder>;

before(async () => {
  workspace = tempFolder();
  client = await TestClient.start({ folders: [workspace.folder], settings: () => ({ validate: { debounceMs: 0 } }) });
});

after(async () => {
  await client.stop();
  workspace.cleanup();
});

// What gets typed or pasted: characters, line breaks of every kind, and pieces that change the
// document's structure (headings, scenario fields, fences, comments) or its findings.
const INSERTS = [
  'x', ' ', '\n', '\n\n', '\r\n', '\r', '’', '😀',
  '### Most Likely (Short Term): Talks Stall\n', '- Likelihood: Unlikely.\n', '- Trigger: ', '## Bottom Line\n',
  '```\n', '<!-- note -->', '<!-- tradecraft-disable-next-line -->\n', '> “Quoted,” he said.\n',
  ' almost certainly ', ' likely (97%) ', ' with medium confidence ', 'Monday, 3 March 2026', ' 03/04/26 ', ' Iran’s ', '`code`', 'https://example.com',
];

const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: fc.constantFrom(...INSERTS),
});

test('random range edits give the diagnostics of the final text checked afresh', TIMEOUT, async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 12 }), async (edits) => {
      const filePath = path.join(workspace.folder, `edited-${run++}.assessment.md`);
      const uri = uriOf(filePath);
      let text = CORPUS_TEXT;
      const opened = client.nextDiagnostics(uri);
      await client.open(uri, text);
      await opened;
      let version = 1;
      for (const edit of edits) {
        // Positions as the editor computes them (a CRLF counts as one line break), the new text by splicing.
        const document = TextDocument.create(uri, 'markdown', 0, text);
        const start = Math.floor(edit.at * text.length);
        const end = Math.min(text.length, start + edit.remove);
        const range = { start: document.positionAt(start), end: document.positionAt(end) };
        // An offset inside a CRLF has no position of its own: take the text the positions cover.
        const [from, to] = [document.offsetAt(range.start), document.offsetAt(range.end)];
        text = text.slice(0, from) + edit.insert + text.slice(to);
        const expected = ++version;
        const published = client.nextDiagnostics(uri, (params) => params.version === expected);
        assert.equal(await client.changeRanges(uri, [{ range, text: edit.insert }]), expected);
        assert.deepEqual((await published).diagnostics, expectedDiagnostics(engineFindings(text, filePath, workspace.folder), uri), `after ${JSON.stringify(edit)}`);
      }
      await client.close(uri);
    }),
    { numRuns: 25 },
  );
});

/** An assessment with findings all through it, and prose between them to type into. */
const LONG_ASSESSMENT = [
  'What happens to the Oman talks?',
  '',
  'US-01, US Agent:',
  '',
  '## Current Situation',
  '',
  ...Array.from({ length: 40 }, (_, i) => `Talks resumed last week, round ${i + 1} of many. The mediators remain engaged despite opposition at home.\n`),
  'Officials met on Monday, 4 March 2025, and again on 03/04/26.',
  '',
  '## Key Judgments',
  '',
  '1. Iran will very likely keep talking.',
  '',
  'We have moderate confidence in these judgments.',
  '',
  '## Forecast',
  '',
  '### Most Likely (Short Term): Talks go on',
  'Both sides keep the channel open for now.',
  '- Trigger: Iran frees the ship.',
  '- Indicators: new envoys named.',
  '- Likelihood: unlikely',
  '### Alternative (Medium Term): Collapse',
  '- Trigger: a strike.',
  '- Indicators: new envoys named.',
  '- Likelihood: likely',
  '',
  '## Strategic Implications',
  '',
  'Oil markets will watch the talks closely.',
  '',
  '## Bottom Line',
  '',
  'The talks are fragile but alive.',
  '',
  'US-01, US Agent',
  '',
].join('\n');

test('typing into the prose of a long assessment: every keystroke publishes what a fresh check of its text gives', TIMEOUT, async () => {
  const filePath = path.join(workspace.folder, 'typing.assessment.md');
  const uri = uriOf(filePath);
  let text = LONG_ASSESSMENT;
  const opened = client.nextDiagnostics(uri);
  await client.open(uri, text);
  assert.ok((await opened).diagnostics.length >= 4, 'findings before and after the places typed into');
  let version = 1;
  const lines = text.split('\n');
  // A word typed letter by letter, then deleted, in paragraphs near the start, the middle and the
  // end of the prose; then keystrokes into a heading and a field, which take the full check.
  const places = [6, 30, 86, 97, 108, 112, 94, 98].map((line) => ({ line, character: Math.min(20, lines[line]!.length) }));
  const keystrokes = places.flatMap(({ line, character }) => [
    ...[...'xyz '].map((letter, i) => ({ range: { start: { line, character: character + i }, end: { line, character: character + i } }, text: letter })),
    { range: { start: { line, character }, end: { line, character: character + 4 } }, text: '' },
  ]);
  for (const change of keystrokes) {
    const document = TextDocument.create(uri, 'markdown', 0, text);
    text = text.slice(0, document.offsetAt(change.range.start)) + change.text + text.slice(document.offsetAt(change.range.end));
    const expected = ++version;
    const published = client.nextDiagnostics(uri, (params) => params.version === expected);
    await client.changeRanges(uri, [change]);
    assert.deepEqual((await published).diagnostics, expectedDiagnostics(engineFindings(text, filePath, workspace.folder), uri), `after ${JSON.stringify(change)}`);
  }
  // Right after keystrokes, the other features read the same document as a fresh copy of its text.
  const lastVersion = ++version;
  const last = client.nextDiagnostics(uri, (params) => params.version === lastVersion);
  await client.changeRanges(uri, [{ range: { start: { line: 6, character: 10 }, end: { line: 6, character: 10 } }, text: 'q' }]);
  text = applyAt(text, 6, 10, 'q');
  await last;
  const copy = uriOf(path.join(workspace.folder, 'typing-copy.assessment.md'));
  const copied = client.nextDiagnostics(copy);
  await client.open(copy, text);
  await copied;
  const ask = (target: string) =>
    Promise.all([
      client.connection.sendRequest('tradecraft/outline', { textDocument: { uri: target } }),
      client.connection.sendRequest('textDocument/hover', { textDocument: { uri: target }, position: { line: 90, character: 18 } }),
      client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: target } }),
      client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: target }, range: { start: { line: 86, character: 0 }, end: { line: 86, character: 60 } }, context: { diagnostics: [] } }),
    ]);
  const [typed, fresh] = await Promise.all([ask(uri), ask(copy)]);
  assert.ok(typed[1], 'a hover on the yardstick term of the key judgment');
  // The answers name their document (its uri, path and version): compare the rest.
  const comparable = (answers: unknown, target: string, name: string): unknown =>
    JSON.parse(JSON.stringify(answers).replaceAll(target, 'DOCUMENT').replaceAll(name, 'NAME'), (key, value: unknown) => (key === 'version' ? undefined : value));
  assert.deepEqual(comparable(typed, uri, 'typing.assessment.md'), comparable(fresh, copy, 'typing-copy.assessment.md'));
  await client.close(uri);
  await client.close(copy);
});

/** The text with `inserted` put at a line and character. */
function applyAt(text: string, line: number, character: number, inserted: string): string {
  const document = TextDocument.create('untitled:x', 'markdown', 0, text);
  const offset = document.offsetAt({ line, character });
  return text.slice(0, offset) + inserted + text.slice(offset);
}
