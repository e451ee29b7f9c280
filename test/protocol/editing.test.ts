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
