/**
 * Caches kept across edits must not keep old versions of a document alive: a line sliced from a
 * document's text holds the whole text, so a cache that stored the slice itself would keep one
 * version of the document per keystroke.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { builtinSchema, IncrementalParser, lintChanges, lintParsed } from '../../server/src/core/index.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapAfterCollection(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** A long Context section: paragraphs naming actors, with probability wording and a curly apostrophe (two-byte text). */
function largeAssessment(paragraphs: number): string {
  const body = [];
  for (let index = 0; index < paragraphs; index++) {
    body.push(`### Thread ${index}\n\nIran’s negotiators met Omani mediators in Muscat on day ${index}; a deal is likely within weeks, and Washington is unlikely to object.\n`);
  }
  return `# Talks\n\nUS-01, US Agent:\n\n## Current Situation\n\nTalks resumed.\n\n## Strategic Context\n\n${body.join('\n')}\n## Bottom Line\n\nA deal is likely.\n\nUS-01, US Agent\n`;
}

test('typing in a large document does not keep earlier versions of its text', () => {
  const schema = builtinSchema();
  let text = largeAssessment(3_000);
  assert.ok(text.length > 400_000);
  const parser = new IncrementalParser({ keepDerived: true });
  lintParsed(parser.parse(text), { schema });
  const keystrokes = 40;
  // Each keystroke in another paragraph, spread over the document.
  const typeAt = (keystroke: number) => {
    const offset = text.indexOf('Muscat', Math.floor((keystroke / (keystrokes + 1)) * text.length));
    text = `${text.slice(0, offset)}y${text.slice(offset)}`;
    lintParsed(parser.parse(text), { schema });
  };
  // One warm-up keystroke fills the caches' first entries and compiles the code paths.
  typeAt(0);
  const before = heapAfterCollection();
  for (let keystroke = 1; keystroke <= keystrokes; keystroke++) typeAt(keystroke);
  const grownBy = heapAfterCollection() - before;
  // One version of this text is about 0.9 MB (two bytes a character); keeping one per keystroke would grow the heap by 36 MB.
  assert.ok(grownBy < 6_000_000, `the heap grew by ${(grownBy / 1e6).toFixed(1)} MB over ${keystrokes} keystrokes`);
});

test('keystrokes carried over (core/edit.ts) keep no earlier versions of the text either', () => {
  const schema = builtinSchema();
  let text = largeAssessment(3_000);
  const parser = new IncrementalParser({ keepDerived: true });
  let previous = lintParsed(parser.parse(text), { schema });
  const keystrokes = 40;
  const typeAt = (keystroke: number) => {
    const offset = text.indexOf('mediators', Math.floor((keystroke / (keystrokes + 1)) * text.length)) + 3;
    const position = previous.parsed.source.positionAt(offset);
    text = `${text.slice(0, offset)}y${text.slice(offset)}`;
    const moved = lintChanges(previous, [{ range: { start: position, end: position }, text: 'y' }], text, { schema, parser });
    assert.ok(moved, `keystroke ${keystroke} is carried over`);
    previous = moved;
  };
  typeAt(0);
  const before = heapAfterCollection();
  for (let keystroke = 1; keystroke <= keystrokes; keystroke++) typeAt(keystroke);
  const grownBy = heapAfterCollection() - before;
  assert.ok(grownBy < 6_000_000, `the heap grew by ${(grownBy / 1e6).toFixed(1)} MB over ${keystrokes} keystrokes`);
});
