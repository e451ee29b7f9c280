/**
 * A chunk read as plain (without micromark) must parse exactly as micromark parses it. Random
 * lines are built from the markers, indents and characters that sit at the edge of what
 * `readPlainChunk` accepts, and every real document's chunks are checked too.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { IncrementalParser, parseChunk, parseChunkTree, type ChunkParse } from '../../server/src/core/parse.js';
import { readPlainChunk } from '../../server/src/core/plainChunk.js';
import { corpusDir, projectRoot } from '../support/paths.js';

const comparable = (parse: ChunkParse) => ({
  kinds: Array.from(parse.kinds, (kind) => kind ?? null),
  depths: [...parse.depths].sort((a, b) => a[0] - b[0]),
  nonProse: parse.nonProse,
  comments: parse.comments,
  frontMatter: parse.frontMatter ?? null,
  openEnded: parse.openEnded,
});

// Lines an assessment is made of, and lines at the edge of what reads as plain.
const COMMON_PREFIXES = ['', '', '', '- ', '  - ', '1. ', '   ', '> '];
const COMMON_BODIES = ['Plain prose.', '**Trigger:** talks resume', 'Likely (55–80%).', 'US-01, US Agent', 'Key Judgments', '# Title', '## Forecast', ''];
const EDGE_PREFIXES = [' ', '  ', '    ', '      ', '        ', '>', '>  ', '> > ', '-  ', '-     ', '* ', '+ ', '2) ', '10. ', '1.     ', '- > ', '> - ', '    - '];
const EDGE_BODIES = [
  '2026', '1.', '-', '--', '---', '***', '* * *', '___', '===', '=', '#', '####### Seven', '#tag', '# ', 'x #', '\\# not', '[x]', '[^1] note', '&amp;', '\u00a0', '    \u00a0',
  '~~gone~~', '~50%', 'a  b', 'a    b', '1) Numbered lead', '+5%', '_em_ and *em*',
];
const ENDINGS = ['\n', '\n', '\n', '\r\n', '\r'];

const lineArb = fc
  .tuple(
    fc.oneof({ arbitrary: fc.constantFrom(...COMMON_PREFIXES), weight: 3 }, { arbitrary: fc.constantFrom(...EDGE_PREFIXES), weight: 1 }),
    fc.oneof({ arbitrary: fc.constantFrom(...COMMON_BODIES), weight: 3 }, { arbitrary: fc.constantFrom(...EDGE_BODIES), weight: 1 }),
    fc.constantFrom(...ENDINGS),
  )
  .map(([prefix, body, ending]) => prefix + body + ending);
// One chunk in five does not end its last line, as a document's last chunk may not.
const chunkArb = fc.tuple(fc.array(lineArb, { minLength: 1, maxLength: 8 }), fc.nat({ max: 4 })).map(([lines, unterminated]) => {
  const text = lines.join('');
  return unterminated === 0 ? text.replace(/[\r\n]+$/, '') : text;
});

test('a chunk read as plain parses exactly as micromark parses it', () => {
  let plain = 0;
  let all = 0;
  fc.assert(
    fc.property(chunkArb, fc.boolean(), (text, atStart) => {
      all++;
      if (!readPlainChunk(text)) return;
      plain++;
      assert.deepEqual(comparable(parseChunk(text, atStart)), comparable(parseChunkTree(text, atStart)), JSON.stringify(text));
    }),
    { numRuns: 3000 },
  );
  // The property is only worth something if many cases take the plain path.
  assert.ok(plain > all / 10, `only ${plain} of ${all} chunks were read as plain`);
});

test('what may be code, HTML, a table, a break, a link or a URL is left to micromark', () => {
  for (const text of [
    'a\n\n    code\n', '# Title\n    code\n', '>     code\n', '-     code\n', '- a\n  > b\n>     c\n', 'Title\n---\n', 'Title\n===\n', '***\n', '---\ntitle: x\n---\n',
    '- # Heading\n', '  # Heading\n', 'Use `code`.\n', '<div>\n', 'a | b\n', '~~~\n', 'See www.example.com.\n', 'Mail a@b.io.\n', 'http://x.io\n', '[a](b)\n', '[a]: b\n', '\tcode\n', 'No line end',
  ]) {
    assert.equal(readPlainChunk(text), undefined, JSON.stringify(text));
  }
});

test('prose, lists and ATX headings are read as plain, indented continuations included', () => {
  const text = '## Key Judgments\n\n1. Talks are likely to resume.\n   They stall often.\n- a\n    - b\n        continues b\n\n# Bottom Line\n';
  const plain = readPlainChunk(text);
  assert.ok(plain);
  assert.deepEqual([...plain.headings], [[0, 2], [8, 1]]);
  assert.deepEqual(comparable(parseChunk(text, false)), comparable(parseChunkTree(text, false)));
});

test('every chunk of the corpus and the examples parses the same read as plain', () => {
  const folders = [corpusDir, path.join(projectRoot, 'examples')];
  let plain = 0;
  for (const folder of folders) {
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.md'))) {
      const parsed = new IncrementalParser().parse(readFileSync(path.join(folder, name), 'utf8'));
      for (const [index, chunk] of (parsed.chunks ?? []).entries()) {
        if (!readPlainChunk(chunk.text)) continue;
        plain++;
        assert.deepEqual(comparable(parseChunk(chunk.text, index === 0)), comparable(parseChunkTree(chunk.text, index === 0)), `${name}: ${JSON.stringify(chunk.text)}`);
      }
    }
  }
  assert.ok(plain > 0);
});
