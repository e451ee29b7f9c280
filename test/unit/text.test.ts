/** Span helpers of the core's text module. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { anySpanWithin, type Span } from '../../server/src/core/text.js';

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
