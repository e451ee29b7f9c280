/**
 * Hostile input never breaks the engine: random Markdown and random text in every line-ending
 * style, BOMs, surrogate pairs, unclosed fences and deep nesting. Invariants: no exception, every
 * range inside the document, deterministic findings, safe fixes touch only their spans, and one
 * round of safe fixes leaves nothing fixable.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { applySafeFixes, builtinSchema, lintText, MAX_BLOCK_BRACKETS, MAX_BLOCK_LINES, MAX_NESTING_DEPTH, type Finding } from '../../server/src/core/index.js';
import { corpusDocument } from '../support/paths.js';

const schema = builtinSchema();
const corpus = readFileSync(corpusDocument, 'utf8');

const LINES = [
  '', '📍 Current Situation: Calm 😀', 'Bottom line: It holds.', '## Key Judgments', '1. Talks will likely resume.', '- Trigger: a date',
  '🟢 Most Likely (Short Term): Talks', '- Outcome: medium confidence that it is almost certainly true (90%)', '```', '> quote',
  '<!-- tradecraft-disable-next-line section-empty -->', '<!-- tradecraft-disable nonsense -->', 'Friday, February 7, 2026 on 03/04/26',
  '\t- tab', '𝒳 surrogate 𝒴', 'US-01, US Agent', 'Three Corporate', '---', 'schema: ./missing.yaml', '    code', '| a | b |',
];
const markdownArb = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...LINES), fc.string({ unit: 'grapheme', maxLength: 30 })), { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r', 'mixed'), fc.boolean())
  .map(([lines, eol, bom]) => (bom ? '\uFEFF' : '') + lines.map((line, i) => line + (eol === 'mixed' ? ['\n', '\r\n', '\r'][i % 3] : eol)).join(''));

function checkInvariants(text: string): Finding[] {
  const first = lintText(text, { schema });
  for (const finding of first.findings) {
    assert.ok(finding.span.start >= 0 && finding.span.start <= finding.span.end && finding.span.end <= text.length, `${finding.rule} span out of range`);
    for (const edit of [...(finding.fix?.edits ?? []), ...(finding.suggestions ?? []).flatMap((s) => s.edits)]) {
      assert.ok(edit.span.start >= 0 && edit.span.end <= text.length && edit.span.start <= edit.span.end, `${finding.rule} edit out of range`);
    }
  }
  const again = lintText(text, { schema });
  assert.deepEqual(again.findings, first.findings, 'findings are deterministic');
  const fixed = applySafeFixes(text, first.findings).text;
  assert.deepEqual(lintText(fixed, { schema }).findings.filter((f) => f.fix?.safe).map((f) => f.rule), [], 'one round of safe fixes leaves nothing fixable');
  return first.findings;
}

test('random Markdown: no exception, ranges inside the text, deterministic, fixes converge', () => {
  fc.assert(fc.property(markdownArb, (text) => void checkInvariants(text)), { numRuns: 300 });
});

test('random text, including lone surrogates and control characters: no exception', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => void checkInvariants(text)), { numRuns: 300 });
});

test('safe fixes change nothing outside their spans', () => {
  fc.assert(
    fc.property(markdownArb, (text) => {
      const findings = lintText(text, { schema }).findings.filter((f) => f.fix?.safe);
      const fixed = applySafeFixes(text, findings).text;
      // Every character outside the edited spans survives, in order.
      const edits = findings.flatMap((f) => f.fix!.edits).sort((a, b) => a.span.start - b.span.start);
      let cursor = 0;
      for (const edit of edits) {
        const kept = text.slice(cursor, edit.span.start);
        assert.ok(fixed.includes(kept));
        cursor = Math.max(cursor, edit.span.end);
      }
    }),
    { numRuns: 200 },
  );
});

test('a CRLF and BOM copy of a clean document is exactly as clean', () => {
  const clean = readFileSync(new URL('../../../examples/clean.assessment.md', import.meta.url), 'utf8');
  assert.deepEqual(lintText(clean, { schema }).findings, []);
  assert.deepEqual(lintText('\uFEFF' + clean.replace(/\n/g, '\r\n'), { schema }).findings, []);
});

test('unclosed fences, empty and whitespace-only documents are checked, not crashed on', () => {
  for (const text of ['', '   \n\t\n', corpus + '\n```\nunclosed', '```\n' + corpus, '<!--\n' + corpus]) {
    const findings = checkInvariants(text);
    assert.ok(findings.length > 0);
  }
});

test('deep nesting beyond the limit is declined with one finding instead of a stalled parser', () => {
  for (const text of ['> '.repeat(5000) + 'deep', Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n')]) {
    const { findings } = lintText(text, { schema });
    assert.deepEqual(findings.map((f) => f.rule), ['document-skipped']);
    assert.match(findings[0]!.message, new RegExp(`limit is ${MAX_NESTING_DEPTH}`));
  }
  const withinLimit = Array.from({ length: MAX_NESTING_DEPTH / 2 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n');
  assert.ok(!lintText(withinLimit, { schema }).findings.some((f) => f.rule === 'document-skipped'));
});

test('oversized and binary documents are declined with one finding', () => {
  const huge = corpus.repeat(Math.ceil((6 * 1024 * 1024) / corpus.length));
  assert.deepEqual(lintText(huge, { schema }).findings.map((f) => f.rule), ['document-skipped']);
  assert.deepEqual(lintText('PK\u0003\u0004\u0000binary', { schema }).findings.map((f) => f.rule), ['document-skipped']);
});

test('thousands of brackets in one block are declined before micromark sees them; tables and linked lists are not', () => {
  for (const shape of ['['.repeat(MAX_BLOCK_BRACKETS + 1) + ']'.repeat(MAX_BLOCK_BRACKETS + 1), '[a](b '.repeat(MAX_BLOCK_BRACKETS + 1)]) {
    const { findings } = lintText(`# Notes\n\nSome prose.\n\n${shape}\n`, { schema });
    assert.deepEqual(findings.map((f) => f.rule), ['document-skipped']);
    assert.match(findings[0]!.message, new RegExp(`block from line 5 holds \\d+ “\\[” .*limit is ${MAX_BLOCK_BRACKETS}`));
  }
  const links = (i: number) => Array.from({ length: 5 }, (_, k) => `[s${k}](https://example.org/${i}/${k})`).join(' ');
  const rows = Array.from({ length: MAX_BLOCK_BRACKETS / 4 }, (_, i) => `| ${links(i)} | note |`);
  const checked = {
    'a table of links': `| Source | Note |\n| --- | --- |\n${rows.join('\n')}`,
    'a list of links': Array.from({ length: MAX_BLOCK_BRACKETS / 4 }, (_, i) => `- ${links(i)}`).join('\n'),
    'a paragraph at the limit': '[a] '.repeat(MAX_BLOCK_BRACKETS),
  };
  for (const [shape, text] of Object.entries(checked)) {
    assert.ok(!lintText(text, { schema }).findings.some((f) => f.rule === 'document-skipped'), shape);
  }
});

test('a block of thousands of lines with no blank line is declined; code, raw HTML, lists and paragraphs are not', () => {
  const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('\n');
  const paragraph = lines(MAX_BLOCK_LINES + 1, (i) => `line ${i} of one paragraph`);
  const { findings } = lintText(`# Notes\n\n${paragraph}\n`, { schema });
  assert.deepEqual(findings.map((f) => f.rule), ['document-skipped']);
  assert.match(findings[0]!.message, new RegExp(`lines 3–${MAX_BLOCK_LINES + 3} are one block of ${MAX_BLOCK_LINES + 1} lines .*limit is ${MAX_BLOCK_LINES}`));

  const checked = {
    'a fenced log': `\`\`\`\n${paragraph}\n\`\`\``,
    'raw HTML': `<pre>\n${paragraph}\n</pre>`,
    'a list with sub-items': lines(MAX_BLOCK_LINES, (i) => `- item ${i}\n  - detail ${i}`),
    'paragraphs': lines(MAX_BLOCK_LINES * 2, (i) => (i % 2 ? '' : `Paragraph ${i}.`)),
    'the longest block allowed': lines(MAX_BLOCK_LINES, (i) => `line ${i}`),
  };
  for (const [shape, text] of Object.entries(checked)) {
    assert.ok(!lintText(text, { schema }).findings.some((f) => f.rule === 'document-skipped'), shape);
  }
});
