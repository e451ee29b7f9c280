/**
 * In an editor the estimative scan is kept per chunk of the parse and reused after edits; it must
 * give exactly what one scan of the whole document gives, after any sequence of edits.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { estimativeScan, type EstimativeScan } from '../../../server/src/core/estimative/index.js';
import { IncrementalParser, parseWholeDocument } from '../../../server/src/core/parse.js';
import { builtinSchema } from '../../../server/src/core/schema/load.js';
import { corpusDocument } from '../../support/paths.js';

const schema = builtinSchema();

const comparable = (scan: EstimativeScan) => ({
  mentions: scan.mentions.map((mention) => ({
    kind: mention.kind,
    span: mention.span,
    text: mention.text,
    sentence: mention.sentence,
    tokens: [mention.firstToken, mention.lastToken],
    words: [mention.wordBefore ?? null, mention.wordAfter ?? null],
    band: 'effectiveBand' in mention ? mention.effectiveBand : null,
    percentage: 'percentage' in mention && mention.percentage ? mention.percentage.span : null,
  })),
  percentages: scan.percentages.map((percentage) => ({ ...percentage, attachedTo: percentage.attachedTo?.span ?? null })),
  confidence: scan.confidence,
  rowDisclaimers: scan.rowDisclaimers,
});

const LINES = [
  '', '', '', 'We assess the talks will likely stall (70%).', 'It is almost certainly not over, with high confidence.', '“It is likely,” he said.',
  '> “Talks are probably doomed,', '> and soon.”', '> — Foreign Minister', '> Our call-out: likely.', '>', '- Trigger: a strike is unlikely', '  - odds of about 20 percent',
  '1. We judge with moderate confidence that calm is very likely.', '2. Not likely.', '# Key Judgments', '### Most Likely (Short Term): Quiet holds', 'Likelihood: probable',
  'The terms likely and probably mean the same probability.', 'Use `likely` in code.', '```', 'likely in a fence', '<!-- likely -->', 'See https://likely.example.com now.',
  '| term | likely |', '|---|---|', 'We are almost certain. Probably so', 'not', 'a 90–95% chance', 'Continued line without an end',
];
const lineArb = fc.constantFrom(...LINES);
const documentArb = fc.array(lineArb, { maxLength: 40 }).map((lines) => lines.join('\n'));
const editArb = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.oneof(lineArb.map((line) => `\n${line}`), fc.constantFrom('x', ' likely', '\n', '\n\n', '"', '“', '.', '%')) });

function assertChunkedScanMatches(text: string, parser: IncrementalParser): void {
  const chunked = estimativeScan(parser.parse(text), schema);
  assert.deepEqual(comparable(chunked), comparable(estimativeScan(parseWholeDocument(text), schema)), JSON.stringify(text));
}

test('the scan kept per chunk equals a scan of the whole document, over random edit sequences', () => {
  fc.assert(
    fc.property(documentArb, fc.array(editArb, { maxLength: 10 }), (initial, edits) => {
      // Small pieces, so that lists and quotes split too.
      const parser = new IncrementalParser({ keepDerived: true, splitLongChunksAfter: 0 });
      let text = initial;
      assertChunkedScanMatches(text, parser);
      for (const edit of edits) {
        const at = text.length === 0 ? 0 : edit.at % (text.length + 1);
        text = text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
        assertChunkedScanMatches(text, parser);
      }
    }),
    { numRuns: 300 },
  );
});

test('an edit re-scans one chunk: the others are reused, moved to where they now stand', () => {
  const paragraphs = Array.from({ length: 50 }, (_, i) => `Paragraph ${i}: the talks will likely stall (70%), with moderate confidence.`);
  const parser = new IncrementalParser({ keepDerived: true });
  const text = paragraphs.join('\n\n');
  const before = estimativeScan(parser.parse(text), schema);
  const edited = text.replace('Paragraph 10:', 'Paragraph ten, edited:');
  const after = estimativeScan(parser.parse(edited), schema);
  assert.deepEqual(comparable(after), comparable(estimativeScan(parseWholeDocument(edited), schema)));
  const moved = edited.length - text.length;
  assert.equal(after.mentions.length, before.mentions.length);
  assert.deepEqual(after.mentions[40]!.span, { start: before.mentions[40]!.span.start + moved, end: before.mentions[40]!.span.end + moved });
  assert.notEqual(after.mentions[40], before.mentions[40], 'moved mentions are new objects; the cached ones keep their place');
  assert.equal(after.mentions[0], before.mentions[0], 'a chunk before the edit stands where it stood: its mentions are reused');
});

test('the corpus document scans the same in chunks and whole', () => {
  const corpus = readFileSync(corpusDocument, 'utf8').replace(/\n(?=📍|🧨|📉|📈)/g, '\n\n');
  assertChunkedScanMatches(corpus, new IncrementalParser({ keepDerived: true }));
});
