/**
 * Bounded cost: shapes of text that make Markdown parsers superlinear, linted at two sizes. The
 * growth of each is its time per KB at the larger size over that at the smaller (1 is linear).
 * A shape may also be declined (document-skipped), which is bounded by construction.
 */
import { lintText } from '../out/server/src/core/index.js';
import { interleaved, median, round } from './measure.mjs';

const lines = (count, line) => Array.from({ length: count }, (_, i) => line(i)).join('\n');

/** Each shape's text of about `bytes` UTF-16 units. */
export const HOSTILE_SHAPES = {
  'list with sub-items': (bytes) => lines(bytes / 28, (i) => `- item ${i}\n  - detail ${i}`),
  'ordered list with sub-items': (bytes) => lines(bytes / 26, (i) => `${i + 1}. item ${i}\n   1. detail`),
  'flat list': (bytes) => lines(bytes / 12, (i) => `- item ${i}`),
  'key judgments of thousands of items': (bytes) => `## Key Judgments\n\n${lines(bytes / 24, (i) => `- We judge item ${i}.`)}`,
  'forecast of thousands of scenarios': (bytes) =>
    `## Forecast\n\n${lines(bytes / 90, (i) => `### Scenario ${i}: Talks stall\n\n- Trigger: envoy ${i} leaves\n- Outcome: it is likely to hold`)}`,
  'quote of one-line paragraphs': (bytes) => lines(bytes / 16, (i) => `> quote ${i}\n>`),
  'one-line quote blocks': (bytes) => lines(bytes / 14, (i) => `> quote ${i}\n`),
  'paragraph of short lines': (bytes) => lines(bytes / 12, (i) => `line ${i}`),
  'unclosed <script> before paragraphs': (bytes) => `<script>\n\n${lines(bytes / 16, (i) => `Paragraph ${i}.\n`)}`,
  'one line of unclosed brackets': (bytes) => '[a'.repeat(bytes / 2),
  'one line of emphasis markers': (bytes) => '*a _b '.repeat(bytes / 6),
  'one line of unclosed tags': (bytes) => '<a '.repeat(bytes / 3),
  'unclosed code spans': (bytes) => '`a '.repeat(bytes / 3),
  'one line of nested brackets': (bytes) => '['.repeat(bytes / 2) + ']'.repeat(bytes / 2),
  'one line of unclosed link destinations': (bytes) => '[a](b '.repeat(bytes / 6),
  'one line of unclosed comments': (bytes) => '<!-- tradecraft-disable '.repeat(bytes / 24),
};

export function hostileGrowth({ quick, schema }) {
  const [small, large] = quick ? [25_000, 100_000] : [50_000, 200_000];
  const shapes = {};
  for (const [name, make] of Object.entries(HOSTILE_SHAPES)) {
    const texts = { small: make(small), large: make(large) };
    const declined = lintText(texts.large, { schema }).findings.some((finding) => finding.rule === 'document-skipped');
    const times = interleaved({ small: () => lintText(texts.small, { schema }), large: () => lintText(texts.large, { schema }) }, quick ? { warmup: 0, runs: 1 } : { warmup: 1, runs: 3 });
    const perKB = (key) => median(times[key]) / (texts[key].length / 1024);
    shapes[name] = { smallMs: round(median(times.small), 1), largeMs: round(median(times.large), 1), growth: round(perKB('large') / perKB('small'), 2), declined };
  }
  const worst = Object.entries(shapes).filter(([, shape]) => !shape.declined).sort((a, b) => b[1].growth - a[1].growth)[0];
  return { sizes: { smallKB: small / 1000, largeKB: large / 1000 }, shapes, worst: { shape: worst[0], ...worst[1] } };
}
