import { proseWithNumbers } from '../prose.js';
import type { ProseFact, Rule } from './rule.js';

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
      for (const date of ambiguousDates(segment.text)) {
        const start = segment.start + date.span.start;
        report({ message: date.detail, span: { start, end: start + date.span.end - date.span.start } });
      }
    }
  },
  proseFacts: ambiguousDates,
};

/** The numeric dates of a prose segment that read either way, with what to say about each. */
function ambiguousDates(text: string): ProseFact[] {
  if (!DIGIT_SEPARATOR_DIGIT.test(text)) return [];
  const found: ProseFact[] = [];
  for (const match of text.matchAll(NUMERIC_DATE)) {
    const first = Number(match[1]);
    const second = Number(match[3]);
    if (match[2] !== '/' && match[4]!.length !== 4) continue;
    if (first < 1 || second < 1 || first > 12 || second > 12 || first === second) continue;
    const start = match.index ?? 0;
    found.push({
      span: { start, end: start + match[0].length },
      detail: `“${match[0]}” is ambiguous: ${monthName(first)} ${second} or ${first} ${monthName(second)}? Write the month as a word (e.g. “${second} ${monthName(first)} ${expandYear(match[4]!)}”) or use ISO 8601.`,
    });
  }
  return found;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function monthName(month: number): string {
  return MONTH_NAMES[month - 1]!;
}

function expandYear(year: string): string {
  return year.length === 2 ? `20${year}` : year;
}
