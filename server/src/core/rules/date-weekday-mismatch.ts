import { proseWithNumbers } from '../prose.js';
import { TextMemo } from '../textMemo.js';
import type { Rule } from './rule.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY = String.raw`(Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?`;
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
// "Thursday, February 6, 2026" · "Thu 6 February 2026" · "Friday, 2026-02-06"
const DATED_WEEKDAY = new RegExp(
  String.raw`\b${DAY},?\s+(?:the\s+)?(?:${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH},?\s+(\d{4})|(\d{4})-(\d{2})-(\d{2}))\b`,
  'gi',
);

// Every dated weekday has a four-digit year and a weekday's first letters (any case): text without
// both needs neither the lookup nor the whole pattern.
const FOUR_DIGITS = /\d{4}/;
const WEEKDAY_START = /mon|tue|wed|thu|fri|sat|sun/i;

/** A weekday that does not fall on its date, relative to the text it was found in. */
interface Mismatch {
  offset: number;
  length: number;
  written: string;
  replacement: string;
  message: string;
}

/** Per prose segment, kept across keystrokes: only the edited text is searched again. */
const mismatchesIn = new TextMemo((text): Mismatch[] => {
  const found: Mismatch[] = [];
  for (const match of text.matchAll(DATED_WEEKDAY)) {
    const date = dateOf(match);
    if (!date) continue;
    const actual = WEEKDAYS[date.getUTCDay()]!;
    if (actual.toLowerCase().startsWith(match[1]!.toLowerCase().slice(0, 3))) continue;
    const written = match[0].slice(0, match[1]!.length + (/^[A-Za-z]+/.exec(match[0].slice(match[1]!.length))?.[0].length ?? 0));
    const dateText = match[0].slice(written.length).replace(/^[.,\s]+/, '').replace(/^the\s+/i, '');
    found.push({
      offset: match.index ?? 0,
      length: match[0].length,
      written,
      replacement: written.length <= 4 ? actual.slice(0, 3) : actual,
      message: `${dateText} is a ${actual}, not a ${WEEKDAYS.find((day) => day.toLowerCase().startsWith(match[1]!.toLowerCase().slice(0, 3)))}.`,
    });
  }
  return found;
});

/** A stated weekday that does not fall on its date. */
export const dateWeekdayMismatch: Rule = {
  id: 'date-weekday-mismatch',
  family: 'consistency',
  description: 'A stated weekday does not match its date.',
  defaultSeverity: 'error',
  safeFix: false,
  check({ parsed, memo, report }) {
    for (const segment of memo('prose with numbers', () => proseWithNumbers(parsed))) {
      for (const mismatch of mismatchesInSegment(segment.text)) {
        const start = segment.start + mismatch.offset;
        report({
          message: mismatch.message,
          span: { start, end: start + mismatch.length },
          fix: { title: `Change “${mismatch.written}” to “${mismatch.replacement}”`, safe: false, edits: [{ span: { start, end: start + mismatch.written.length }, newText: mismatch.replacement }] },
        });
      }
    }
  },
  proseFacts: (text) =>
    mismatchesInSegment(text).map((mismatch) => ({ span: { start: mismatch.offset, end: mismatch.offset + mismatch.length }, detail: `${mismatch.written}|${mismatch.replacement}|${mismatch.message}` })),
};

function mismatchesInSegment(text: string): readonly Mismatch[] {
  return FOUR_DIGITS.test(text) && WEEKDAY_START.test(text) ? mismatchesIn.get(text) : [];
}

function dateOf(match: RegExpMatchArray): Date | undefined {
  let year: number, month: number, day: number;
  if (match[2]) [month, day, year] = [monthIndex(match[2]), Number(match[3]), Number(match[4])];
  else if (match[6]) [day, month, year] = [Number(match[5]), monthIndex(match[6]), Number(match[7])];
  else [year, month, day] = [Number(match[8]), Number(match[9]) - 1, Number(match[10])];
  const date = new Date(Date.UTC(year, month, day));
  // An impossible date (February 30) is not a weekday question.
  return date.getUTCMonth() === month && date.getUTCDate() === day ? date : undefined;
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase());
}
