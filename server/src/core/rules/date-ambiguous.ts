import { proseWithNumbers } from '../prose.js';
import type { Rule } from './rule.js';

// 03/04/26, 3.4.2026, 03-04-2026: day and month could be either way round.
const NUMERIC_DATE = /(?<![\w./-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-]|\.\d)/g;
// Every numeric date has a digit, a separator and a digit: cheaper to look for than the whole pattern.
const DIGIT_SEPARATOR_DIGIT = /\d[/.-]\d/;

/** Numeric dates whose day and month can be read either way. */
export const dateAmbiguous: Rule = {
  id: 'date-ambiguous',
  family: 'consistency',
  description: 'A numeric date like 03/04/26 reads differently in the US and elsewhere.',
  defaultSeverity: 'warning',
  safeFix: false,
  check({ parsed, memo, report }) {
    for (const segment of memo('prose with numbers', () => proseWithNumbers(parsed))) {
      if (!DIGIT_SEPARATOR_DIGIT.test(segment.text)) continue;
      for (const match of segment.text.matchAll(NUMERIC_DATE)) {
        const first = Number(match[1]);
        const second = Number(match[3]);
        if (match[2] !== '/' && match[4]!.length !== 4) continue;
        if (first < 1 || second < 1 || first > 12 || second > 12 || first === second) continue;
        const start = segment.start + (match.index ?? 0);
        report({
          message: `“${match[0]}” is ambiguous: ${monthName(first)} ${second} or ${first} ${monthName(second)}? Write the month as a word (e.g. “${second} ${monthName(first)} ${expandYear(match[4]!)}”) or use ISO 8601.`,
          span: { start, end: start + match[0].length },
        });
      }
    }
  },
};

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function monthName(month: number): string {
  return MONTH_NAMES[month - 1]!;
}

function expandYear(year: string): string {
  return year.length === 2 ? `20${year}` : year;
}
