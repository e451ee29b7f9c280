/**
 * An edit that only moves text is checked by carrying the previous result over (core/edit.ts).
 * Whatever it carries over must be exactly what a full check of the same text gives: findings
 * with their ranges and fixes, the model, the lines. Where it cannot be sure, it must decline.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { lintChanges, type DocumentChange } from '../../server/src/core/edit.js';
import { MAX_DOCUMENT_LENGTH } from '../../server/src/core/limits.js';
import { lintDocument, type LintResult } from '../../server/src/core/lint.js';
import { IncrementalParser } from '../../server/src/core/parse.js';
import { builtinSchema } from '../../server/src/core/schema/load.js';
import { SourceText } from '../../server/src/core/text.js';
import { corpusDocument } from '../support/paths.js';

const schema = builtinSchema();

/** Everything a check gives that a user or a feature can see (chunks are the parser's business). */
function observable(result: LintResult): unknown {
  const { parsed } = result;
  return JSON.parse(
    JSON.stringify({
      findings: result.findings,
      model: result.model,
      lines: parsed.lines.map(({ index, start, end, text, kind, depth }) => ({ index, start, end, text, kind, depth })),
      nonProse: parsed.nonProse,
      comments: parsed.comments,
      frontMatter: parsed.frontMatter ?? null,
    }),
  );
}

function fullCheck(text: string): LintResult {
  return lintDocument(text, { schema, parser: new IncrementalParser() });
}

/** The change that replaces `[from, to)` of one line, as an editor sends it. */
function lineChange(line: number, from: number, to: number, inserted: string): DocumentChange {
  return { range: { start: { line, character: from }, end: { line, character: to } }, text: inserted };
}

function applyChange(text: string, change: DocumentChange): string {
  const source = new SourceText(text);
  return text.slice(0, source.offsetAt(change.range.start)) + change.text + text.slice(source.offsetAt(change.range.end));
}

const PROSE = [
  'Iran is likely to resume talks in Muscat on Monday, 3 March 2025, officials said.',
  'The talks stalled after the `draft text` leaked to the press.',
  'Officials met on 03/04/26 <!-- check the date --> in Oman.',
  'There is a roughly even chance of a deal before the summer.',
  'U.S. officials said a deal is almost certain. We disagree with them.',
  'See https://example.com/talks for the record, and the [report](https://example.org/r).',
  'The mediators remain engaged despite hardline opposition at home.',
  '- Tehran may walk away if sanctions tighten.',
  '- Washington is unlikely to offer relief this year.',
  '> “We will not negotiate under pressure,” the minister said.',
  'Rates rose 12% in 2024, according to the central bank.',
  'Israel’s position:',
  'A plain line of text with no names and no numbers at all.',
];
const FORECAST = [
  '### Most Likely (Short Term): Talks resume in Muscat',
  'Both sides keep the channel open for now.',
  '- Trigger: Iran releases the detained ship.',
  '- Outcome: a framework deal, probably by June.',
  '- Indicators: new envoys named in Muscat.',
  '### Alternative (Medium Term): Collapse',
  '- Trigger: a strike on a facility.',
  '- Outcome: talks end; escalation is likely.',
];
const JUDGMENTS = ['1. Iran will very likely keep talking.', '2. A deal this year is unlikely.', 'We have moderate confidence in these judgments.'];

const section = (title: string, lines: readonly string[]) => fc.array(fc.constantFrom(...lines), { minLength: 1, maxLength: 5 }).map((body) => `## ${title}\n\n${body.join('\n\n')}`);
const documentArb = fc
  .tuple(
    section('Current Situation', PROSE),
    section('Strategic Context', PROSE),
    section('Key Judgments', JUDGMENTS),
    fc.array(fc.constantFrom(...FORECAST), { minLength: 2, maxLength: 8 }).map((lines) => `## Forecast\n\n${lines.join('\n')}`),
    section('Strategic Implications', PROSE),
    section('Bottom Line', PROSE),
    fc.constantFrom('US-01, US Agent', 'US-01, US Agent\nThree Corporate, Inc.', 'Prepared by the desk'),
  )
  .map((parts) => `What happens to the Oman talks?\n\nUS-01, US Agent:\n\n${parts.join('\n\n')}\n`);

/** What gets typed: letters, spaces, punctuation, Markdown markers, words the checks know. */
const INSERTED = ['x', 'e', 'y', ' ', '.', ',', ':', '`', '*', '_', '|', '#', '>', '-', '<!--', '-->', '<b>', '[', '](', 'likely', 'probably', ' not', 'Iran', '20', '%', '2025', 'Monday, ', '“', '', '\n'];
const editArb = fc.record({ line: fc.nat(), at: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.constantFrom(...INSERTED) });

function changeIn(text: string, edit: { line: number; at: number; remove: number; insert: string }): DocumentChange {
  // Lines with text: an edit to a blank line adds one or stays blank.
  const lines = new SourceText(text).lines.filter((line) => line.end > line.start);
  const line = lines[edit.line % lines.length]!;
  const length = line.end - line.start;
  const from = edit.at % (length + 1);
  const to = Math.min(length, from + edit.remove);
  return lineChange(line.index, from, to, edit.insert);
}

test('a result carried over an edit equals a full check of the edited text, over random edit sequences', (t) => {
  let carried = 0;
  let edits = 0;
  fc.assert(
    fc.property(documentArb, fc.array(editArb, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.boolean(), (initial, randomEdits, smallChunks, crlf) => {
      const parser = new IncrementalParser({ keepDerived: true, splitLongChunksAfter: smallChunks ? 0 : undefined });
      let text = crlf ? initial.replace(/\n/g, '\r\n') : initial;
      let previous = lintDocument(text, { schema, parser });
      for (const edit of randomEdits) {
        const change = changeIn(text, edit);
        text = applyChange(text, change);
        edits++;
        const moved = lintChanges(previous, [change], text, { schema, parser });
        if (moved) {
          carried++;
          assert.deepEqual(observable(moved), observable(fullCheck(text)), JSON.stringify({ text, change }));
          previous = moved;
        } else {
          previous = lintDocument(text, { schema, parser });
        }
      }
    }),
    { numRuns: Number(process.env.EDIT_RUNS ?? 400) },
  );
  t.diagnostic(`${carried} of ${edits} edits carried over`);
  // The test means something only if many edits were carried over (and many were not).
  assert.ok(carried > edits * 0.15 && carried < edits * 0.9, `${carried} of ${edits} edits carried over`);
});

test('several changes in one notification are carried over together, or not at all', () => {
  fc.assert(
    fc.property(documentArb, fc.array(editArb, { minLength: 2, maxLength: 6 }), (initial, randomEdits) => {
      const parser = new IncrementalParser({ keepDerived: true });
      const previous = lintDocument(initial, { schema, parser });
      let text = initial;
      const changes: DocumentChange[] = [];
      for (const edit of randomEdits) {
        const change = changeIn(text, edit);
        changes.push(change);
        text = applyChange(text, change);
      }
      const moved = lintChanges(previous, changes, text, { schema, parser });
      if (moved) assert.deepEqual(observable(moved), observable(fullCheck(text)), JSON.stringify({ initial, changes }));
    }),
    { numRuns: 200 },
  );
});

const SAMPLE = [
  'What happens to the Oman talks?',
  '',
  'US-01, US Agent:',
  '',
  '## Current Situation',
  '',
  'Talks resumed last week. Iran is likely to stay at the table.',
  '',
  '## Strategic Context',
  '',
  'The mediators remain engaged despite opposition at home.',
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
  '- Trigger: Iran frees the ship.',
  '- Outcome: a framework deal.',
  '- Likelihood: likely',
  '### Alternative (Medium Term): Collapse',
  '- Trigger: a strike.',
  '- Outcome: talks end.',
  '- Likelihood: unlikely',
  '',
  '## Strategic Implications',
  '',
  'Oil markets will watch the talks on Monday, 4 March 2025.',
  '',
  '## Bottom Line',
  '',
  'The talks are fragile but alive. Expect a deal to be almost certain.',
  '',
  'US-01, US Agent',
  '',
].join('\n');

function edit(text: string, line: number, from: number, to: number, inserted: string): { text: string; change: DocumentChange } {
  const change = lineChange(line, from, to, inserted);
  return { text: applyChange(text, change), change };
}

test('typing inside a word of prose carries the result over, every position after it moved', () => {
  const parser = new IncrementalParser({ keepDerived: true });
  const previous = lintDocument(SAMPLE, { schema, parser });
  assert.ok(previous.findings.length > 0, 'the sample has findings to move');
  const typed = edit(SAMPLE, 10, 10, 10, 'xyz'); // “The mediatxyzors …”
  const moved = lintChanges(previous, [typed.change], typed.text, { schema, parser });
  assert.ok(moved, 'carried over');
  assert.deepEqual(observable(moved), observable(fullCheck(typed.text)));
  const last = previous.findings.at(-1)!;
  assert.equal(moved.findings.at(-1)!.span.start, last.span.start + 3);
});

test('typing at the end of a section’s last line moves the section’s end with it', () => {
  const parser = new IncrementalParser({ keepDerived: true });
  const previous = lintDocument(SAMPLE, { schema, parser });
  const line = SAMPLE.split('\n')[31]!;
  const typed = edit(SAMPLE, 31, line.length, line.length, ' Prices too');
  const moved = lintChanges(previous, [typed.change], typed.text, { schema, parser });
  assert.ok(moved, 'carried over');
  assert.deepEqual(observable(moved), observable(fullCheck(typed.text)));
});

test('an edit that may change what the document says takes the full check', () => {
  const parser = new IncrementalParser({ keepDerived: true });
  const previous = lintDocument(SAMPLE, { schema, parser });
  const declined = (line: number, from: number, to: number, inserted: string) => {
    const typed = edit(SAMPLE, line, from, to, inserted);
    return lintChanges(previous, [typed.change], typed.text, { schema, parser }) === undefined;
  };
  assert.ok(declined(10, 10, 10, '\n'), 'a line break');
  assert.ok(declined(10, 4, 4, 'likely '), 'a new yardstick term');
  assert.ok(declined(10, 10, 10, ' Iran '), 'a new actor');
  assert.ok(declined(10, 4, 4, '`code`'), 'a new code span');
  assert.ok(declined(4, 5, 5, 'x'), 'a heading');
  assert.ok(declined(21, 12, 12, 'x'), 'a field line');
  assert.ok(declined(14, 8, 8, 'x'), 'a key judgment');
  assert.ok(declined(0, 5, 5, 'x'), 'the tasking question in the preamble');
  assert.ok(declined(37, 4, 4, 'x'), 'the sign-off');
  assert.ok(declined(10, 0, 0, '# '), 'the start of a line');
  assert.ok(declined(10, 10, 10, 'x') === false, 'a letter in prose: carried over');
  assert.ok(declined(10, 10, 10, ' and ') === false, 'words in prose: carried over');
});

test('the model of a result carried over several edits is moved once, when asked for, and equals a full check', () => {
  const parser = new IncrementalParser({ keepDerived: true });
  let previous = lintDocument(SAMPLE, { schema, parser });
  let text = SAMPLE;
  for (let i = 0; i < 20; i++) {
    const typed = edit(text, 6, 20 + i, 20 + i, 'x');
    const moved = lintChanges(previous, [typed.change], typed.text, { schema, parser });
    assert.ok(moved, `keystroke ${i} carried over`);
    text = typed.text;
    previous = moved;
  }
  assert.deepEqual(observable(previous), observable(fullCheck(text)));
});

test('after 64 edits carried over, the next one takes the full check (the caches it fills are pruned by that check)', () => {
  const parser = new IncrementalParser({ keepDerived: true });
  let previous = lintDocument(SAMPLE, { schema, parser });
  let text = SAMPLE;
  for (let i = 0; i < 64; i++) {
    const typed = edit(text, 10, 20, 20, 'x');
    previous = lintChanges(previous, [typed.change], typed.text, { schema, parser })!;
    assert.ok(previous, `keystroke ${i + 1} carried over`);
    text = typed.text;
  }
  const typed = edit(text, 10, 20, 20, 'x');
  assert.equal(lintChanges(previous, [typed.change], typed.text, { schema, parser }), undefined);
  const checked = lintDocument(typed.text, { schema, parser });
  const next = edit(typed.text, 10, 20, 20, 'x');
  assert.ok(lintChanges(checked, [next.change], next.text, { schema, parser }), 'carried over again after a full check');
});

test('the corpus document: typing into each of its lines is carried over or declined, never wrong', () => {
  const corpus = readFileSync(corpusDocument, 'utf8');
  const lines = new SourceText(corpus).lines;
  const parser = new IncrementalParser({ keepDerived: true });
  const previous = lintDocument(corpus, { schema, parser });
  let carried = 0;
  for (const line of lines) {
    const length = line.end - line.start;
    if (length < 2) continue;
    for (const inserted of ['x', 'likely', '.']) {
      const typed = edit(corpus, line.index, length >> 1, length >> 1, inserted);
      const moved = lintChanges(previous, [typed.change], typed.text, { schema, parser });
      if (!moved) continue;
      carried++;
      assert.deepEqual(observable(moved), observable(fullCheck(typed.text)), `line ${line.index + 1}: ${inserted}`);
    }
  }
  assert.ok(carried > 0, 'some edits to the corpus document are carried over');
});

test('edits that would change what the parser or the sign-off search declines or reads take the full check', () => {
  const declined = (text: string, change: DocumentChange) => {
    const parser = new IncrementalParser({ keepDerived: true });
    const previous = lintDocument(text, { schema, parser });
    const edited = applyChange(text, change);
    const moved = lintChanges(previous, [change], edited, { schema, parser });
    if (moved) assert.deepEqual(observable(moved), observable(fullCheck(edited)));
    return moved === undefined;
  };
  // A footnote definition at the very end, no longer one, becomes a closing line.
  assert.ok(declined('Question?\n\nUS-01, US Agent:\n\n## Bottom Line\n\nThe talks go on.\n\nThe end.\n\n[^1]: US-01 agent\n', lineChange(10, 4, 4, 'x')), 'a trailing definition');
  // `|` in a list item keeps the chunker from splitting the list for length: 5,001 lines in one block.
  assert.ok(declined(`## Bottom Line\n\n${'- an item of the list\n'.repeat(5_001)}`, lineChange(2, 5, 5, '|')), 'a pipe that joins a long list into one block');
  // Typing that moves a line past the length at which a long chunk splits.
  const chunked = `## Bottom Line\n\n${Array.from({ length: 60 }, (_, i) => `- item ${i} of a long list without blank lines`).join('\n')}\n`;
  const parser = new IncrementalParser({ keepDerived: true });
  const previous = lintDocument(chunked, { schema, parser });
  for (const [line, inserted] of [[3, 'x'.repeat(40)], [3, 'y']] as const) {
    const change = lineChange(line, 8, 8, inserted);
    const moved = lintChanges(previous, [change], applyChange(chunked, change), { schema, parser });
    if (moved) assert.deepEqual(observable(moved), observable(fullCheck(applyChange(chunked, change))));
  }
  // A chunk merged after an unclosed fence: shortening it joins the next chunk, a block of 5,001 lines.
  assert.ok(declined(`## Current Situation\n- \`\`\`\n\`\`\`\`\n\ntext A\n\`\`\`\n\`\`\`\`\n${'z'.repeat(1008)}\n- b\n${'a\n'.repeat(4998)}`, lineChange(7, 1, 2, '')), 'a merged chunk');
  // A document grown past the size limit.
  const large = `## Bottom Line\n\n${'a'.repeat(MAX_DOCUMENT_LENGTH - 40)}\n\nb\n\nc\n`;
  assert.ok(declined(large, lineChange(2, 10, 10, 'x'.repeat(40))), 'past the size limit');
});
