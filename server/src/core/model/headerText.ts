/** Reading header text: leading symbols, numbering, title/subtitle separators, and matching against names. */

// Emoji and other non-ASCII symbols that open a title line (📍, 🔹, ■, →, ★…).
const LEADING_SYMBOL = /^[\p{Extended_Pictographic}\p{So}\p{Sm}\p{Regional_Indicator}]/u;
const SYMBOL_RUN = /^(?:[0-9#*]\ufe0f?\u20e3|[\p{Extended_Pictographic}\p{So}\p{Sm}\p{Sk}\p{Regional_Indicator}]|\u200d|\ufe0f|\u20e3|[\p{P}&&[^\p{Ps}"'’“]])*\s*/v;
// A keycap emoji (1️⃣, #️⃣): a digit or sign, then the keycap mark.
const KEYCAP = /^[0-9#*]\ufe0f?\u20e3/;
const NUMBERING = /^(?:\d{1,3}|[IVXLC]{1,6}|[A-Za-z])[.)]\s+/;
const BOLD = /^(\*\*|__)(.+?)\1(:?)\s*$/;

export function startsWithSymbol(text: string): boolean {
  const first = text.codePointAt(0);
  if (first === undefined) return false;
  return first > 0x7f ? LEADING_SYMBOL.test(text) : KEYCAP.test(text);
}

/** Length of the leading emoji/symbol/punctuation run, spaces included. */
export function leadingSymbolLength(text: string): number {
  return SYMBOL_RUN.exec(text)?.[0].length ?? 0;
}

export function numberingLength(text: string): number {
  return NUMBERING.exec(text)?.[0].length ?? 0;
}

/** `**Title**` or `**Title:**` or `__Title__` alone on a line: its inner text, or undefined. */
export function boldLineText(text: string): { inner: string; offset: number } | undefined {
  const match = BOLD.exec(text);
  if (!match?.[2]) return undefined;
  return { inner: match[2] + (match[3] ?? ''), offset: match[1]!.length };
}

export interface SplitHeader {
  title: string;
  titleStart: number;
  subtitle?: string;
}

/** Splits `Title: subtitle` or `Title — subtitle` (first colon or spaced dash). */
export function splitTitle(text: string): SplitHeader {
  const match = /:|\s[—–-]\s/.exec(text);
  const trimmedStart = text.length - text.trimStart().length;
  if (!match) return { title: text.trim(), titleStart: trimmedStart };
  const title = text.slice(0, match.index).trim();
  const subtitle = text.slice(match.index + match[0].length).trim();
  return subtitle === '' ? { title, titleStart: trimmedStart } : { title, titleStart: trimmedStart, subtitle };
}

/** The form names are compared in: case-folded, `&` as `and`, straight apostrophes, no edge punctuation. */
export function normaliseName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s*&\s*/g, ' and ')
    .replace(/[*_]/g, '')
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '')
    .replace(/[\s-]+/g, ' ');
}
