/**
 * The incremental parser must give exactly what a full parse gives, after any sequence of edits:
 * fences, HTML blocks, lists, lazy continuations and front matter decide where chunks may split.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { IncrementalParser, parseWholeDocument, type ParsedDocument } from '../../server/src/core/parse.js';
import { corpusDocument } from '../support/paths.js';

const comparable = (parsed: ParsedDocument) => ({
  lines: parsed.lines.map((line) => [line.kind, line.depth ?? 0, line.start, line.end, line.text]),
  nonProse: parsed.nonProse,
  comments: parsed.comments,
  frontMatter: parsed.frontMatter ?? null,
});

// Lines that stress block boundaries: fences, HTML, lists, quotes, setext underlines, tables, front matter.
const LINE_VOCABULARY = [
  '', '', '', '   ', 'Plain prose with `code` and <!-- note -->.', '📍 Current Situation: Calm', 'Bottom line: It holds.',
  '- item', '  - nested item', '1) Numbered lead', '2. second', '1. first', '3. third', '5) fifth', '   indented text', '1.', '    indented code', '```', '```js', '~~~', '````',
  '  ```', '<!--', '-->', '<!-- one line -->', '<div>', '</div>', '<script>', '</script>', '<pre>', '<?php', '?>', '<!DOCTYPE html>', '<![CDATA[', ']]>', '> <style>', '> quote', '>', '> - quoted item', '>     quoted code', '>   continued', '> > nested', '---', '===',
  '# Heading', '## Forecast', '| a | b |', '|---|---|', '| 1 | 2 |', 'title: x', '...', 'Lazy continuation line',
  '[ref]: https://example.com', 'See https://example.com now.', '**Key Judgments**', 'US-01, US Agent', '\t- tabbed', '* star',
];

const lineArb = fc.constantFrom(...LINE_VOCABULARY);
const documentArb = fc.array(lineArb, { maxLength: 40 }).map((lines) => lines.join('\n'));
const editArb = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 12 }),
  insert: fc.oneof(lineArb.map((line) => `\n${line}`), fc.constantFrom('`', '\n', '\n\n', '<!--', '-->', '```', 'x', '> ', '---\n', '\r\n')),
});

/** Random documents and edit sequences: after each step the parser gives what a full parse gives. */
function assertMatchesFullParse(makeParser: () => IncrementalParser): void {
  fc.assert(
    fc.property(documentArb, fc.array(editArb, { maxLength: 12 }), fc.boolean(), (initial, edits, crlf) => {
      const parser = makeParser();
      let text = crlf ? initial.replace(/\n/g, '\r\n') : initial;
      assert.deepEqual(comparable(parser.parse(text)), comparable(parseWholeDocument(text)));
      for (const edit of edits) {
        const at = text.length === 0 ? 0 : edit.at % (text.length + 1);
        text = text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
        assert.deepEqual(comparable(parser.parse(text)), comparable(parseWholeDocument(text)), JSON.stringify(text));
      }
    }),
    { numRuns: 400 },
  );
}

test('incremental parsing equals a full parse over random edit sequences', () => {
  assertMatchesFullParse(() => new IncrementalParser());
});

test('incremental parsing of the corpus document with front matter and a BOM equals a full parse', () => {
  const corpus = readFileSync(corpusDocument, 'utf8');
  const text = '\uFEFF---\nschema: builtin:standard\n\ntitle: x\n---\n' + corpus.replace(/\n(?=📍|🧨|📉|📈)/g, '\n\n');
  const parser = new IncrementalParser();
  assert.deepEqual(comparable(parser.parse(text)), comparable(parseWholeDocument(text)));
  const edited = text.replace('Talks Set for Friday', 'Talks Set for Saturday');
  assert.deepEqual(comparable(parser.parse(edited)), comparable(parseWholeDocument(edited)));
});

test('4,000 quote blocks are parsed chunk by chunk, each one read', () => {
  // In one piece micromark takes seconds on this; chunk by chunk it takes milliseconds per block.
  const text = Array.from({ length: 4000 }, (_, i) => `> quote ${i}`).join('\n\n');
  const parsed = new IncrementalParser().parse(text);
  assert.equal(parsed.lines.filter((line) => line.kind === 'text').length, 4000);
});

test('long lists and quotes split into pieces parse exactly as a whole, over random edit sequences', () => {
  // Split at every bullet item and quote paragraph the rule allows, so the random documents exercise each such split.
  assertMatchesFullParse(() => new IncrementalParser({ splitLongChunksAfter: 0 }));
});

test('a numbered line that may continue a paragraph is never a split point', () => {
  // `5. a` after text continues the paragraph, and a `===` below makes it all a heading.
  const cases = ['foo\n5. a\n6. b\nbar\n===', 'foo\n2. a\n3. b\nbar\n---', 'foo\n   x\n2. b\nbar\n===', '- x\n2. b\n3. c\n===', 'foo\n1. a\n2. b\nbar\n===', '1. a\n\n2. b\n3. c\n==='];
  for (const text of cases) {
    assert.deepEqual(comparable(new IncrementalParser({ splitLongChunksAfter: 0 }).parse(text)), comparable(parseWholeDocument(text)), JSON.stringify(text));
  }
});

test('a long nested list with no blank line is parsed in pieces, exactly as a whole', () => {
  const items = Array.from({ length: 900 }, (_, i) => `- Indicator ${i}: *watch* \`flag-${i}\` at https://example.com/${i}\n  - detail ${i}\n    lazy line ${i}`);
  const text = `# Indicators\n\n${items.join('\n')}\n`;
  assert.ok(text.length > 20 * 2 * 1024, 'long enough to be split many times');
  assert.deepEqual(comparable(new IncrementalParser().parse(text)), comparable(parseWholeDocument(text)));
});

test('hostile shapes cost a bounded number of parses: unclosed raw HTML, long lists, one edit', () => {
  // An unclosed <script> swallows the rest of the document: found before parsing, it is one parse, not one per paragraph.
  const paragraphs = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i}.`).join('\n\n');
  for (const opener of ['<script>', '<pre class="x">', '<?php', '<!DOCTYPE html', '<![CDATA[']) {
    const parser = new IncrementalParser();
    const text = `# Notes\n\n${opener}\n\n${paragraphs}\n`;
    assert.deepEqual(comparable(parser.parse(text)), comparable(parseWholeDocument(text)), opener);
    assert.ok(parser.lastParse.parses <= 2, `${opener}: ${parser.lastParse.parses} parses`);
  }

  // A 900-item list with no blank line falls into pieces, and one edit re-parses one of them.
  const list = Array.from({ length: 900 }, (_, i) => `- Indicator ${i}\n  - detail ${i}`).join('\n');
  const parser = new IncrementalParser();
  parser.parse(list);
  assert.ok(parser.lastParse.chunks > 10, `${parser.lastParse.chunks} chunks`);
  parser.parse(list.replace('Indicator 450', 'Indicator 450b'));
  assert.equal(parser.lastParse.parses, 1);

  // A document declined for a block of brackets keeps the chunks before it: typing there parses one.
  const declinedText = `${paragraphs}\n\n${'['.repeat(6000)}${']'.repeat(6000)}\n`;
  const declining = new IncrementalParser();
  assert.ok(declining.parse(declinedText).declined);
  const edited = declining.parse(declinedText.replace('Paragraph 7.', 'Paragraph 7b.'));
  assert.ok(edited.declined);
  assert.equal(declining.lastParse.parses, 1, 'only the edited paragraph is parsed again');
});
