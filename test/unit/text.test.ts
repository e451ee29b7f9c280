/** Span helpers of the core's text module. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextMemo } from '../../server/src/core/textMemo.js';
import { anySpanWithin, endsInsideHtmlComment, htmlComments, withoutHtmlComments, withoutTrailingHtmlComment, type Span } from '../../server/src/core/text.js';

test('anySpanWithin answers as a scan of every span would', () => {
  const spanArb = fc.tuple(fc.nat({ max: 200 }), fc.nat({ max: 30 })).map(([start, length]): Span => ({ start, end: start + length }));
  fc.assert(
    fc.property(fc.array(spanArb, { maxLength: 40 }), spanArb, (spans, outer) => {
      const sorted = spans.sort((a, b) => a.start - b.start).map((span) => ({ span }));
      const scanned = sorted.some(({ span }) => span.start >= outer.start && span.end <= outer.end);
      assert.equal(anySpanWithin(sorted, outer), scanned);
    }),
    { numRuns: 2000 },
  );
});

/** Text made of comment openers and closers, dashes and a little prose: every way to nest and break comments. */
const commentish = fc.array(fc.constantFrom('<!--', '-->', '<!-->', '-', '>', '<', '!', ' ', 'a', '\n'), { maxLength: 30 }).map((parts) => parts.join(''));

test('HTML comments are found as the lazy regular expression finds them, in linear time', () => {
  fc.assert(
    fc.property(commentish, (text) => {
      const expected = [...text.matchAll(/<!--([\s\S]*?)-->/g)].map((match) => ({ start: match.index, end: match.index + match[0].length, inner: match[1] }));
      assert.deepEqual(htmlComments(text), expected);
      assert.equal(withoutHtmlComments(text), text.replace(/<!--[\s\S]*?-->/g, ''));
      // At least as cautious as the expression it replaced (it reads `<!--<!--><!-->` as still open):
      // taking a closed comment for an open one only keeps chunks together, the other way round would split one.
      if (/<!--/.test(text) && !/<!--[\s\S]*?-->(?![\s\S]*<!--)/.test(text)) assert.equal(endsInsideHtmlComment(text), true);
    }),
    { numRuns: 3000 },
  );
  // The shape that made the regular expressions quadratic: thousands of unclosed openers.
  const unclosed = '<!-- tradecraft-disable '.repeat(50_000);
  assert.deepEqual(htmlComments(unclosed), []);
  assert.equal(endsInsideHtmlComment(unclosed), true);
  assert.equal(endsInsideHtmlComment('a <!-- b --> c <!-- d -->'), false);
  assert.equal(endsInsideHtmlComment('a <!-- b --> c <!-- d'), true);
});

test('a trailing HTML comment is cut with the white space before it; earlier comments stay', () => {
  assert.equal(withoutTrailingHtmlComment('Outcome: talks resume <!-- check -->  '), 'Outcome: talks resume');
  assert.equal(withoutTrailingHtmlComment('a <!-- x --> b <!-- y -->'), 'a <!-- x --> b');
  assert.equal(withoutTrailingHtmlComment('no comment here'), 'no comment here');
  assert.equal(withoutTrailingHtmlComment('<!-->'), '<!-->');
  assert.equal(withoutTrailingHtmlComment('<!---->'), '');
});

test('TextMemo computes each text once while it is in use, and forgets what fell out of two generations', () => {
  const computed: string[] = [];
  const memo = new TextMemo((text) => {
    computed.push(text);
    return text.length;
  }, 2);
  assert.equal(memo.get('ab'), 2);
  assert.equal(memo.get('ab'), 2);
  assert.deepEqual(computed, ['ab']);
  memo.get('c');
  memo.get('d'); // the newer generation was full: 'ab' and 'c' are the older one now
  memo.get('ab'); // found in the older generation, carried into the newer
  assert.deepEqual(computed, ['ab', 'c', 'd']);
  memo.get('e');
  memo.get('f'); // 'c' was left in a generation that is now dropped
  memo.get('c');
  assert.deepEqual(computed, ['ab', 'c', 'd', 'e', 'f', 'c']);
  const flags = new TextMemo((text) => text === 'yes');
  assert.equal(flags.get('no'), false);
  assert.equal(flags.get('no'), false, 'a false result is kept like any other');
});
