/** The block prefix of a line (blockquote markers, list marker) and the content after it. */
import { TextMemo } from '../textMemo.js';

export interface LineSyntax {
  /** Offset of the content within the line text. */
  readonly contentStart: number;
  readonly content: string;
  /** The list marker (`-`, `*`, `+`, `1.`, `1)`) when the line opens a list item. */
  readonly marker?: string;
  /** Columns before the list marker (nesting depth of the item). */
  readonly indent: number;
}

const PREFIX = /^(\s*(?:>\s?)*)(\s*)(?:([-*+]|\d{1,9}[.)])(?:[ \t]+|$))?/;

/** Kept across keystrokes: one lookup per unchanged line. Lines of the same text share the object. */
const syntaxOf = new TextMemo(parseLineSyntax);

export function readLineSyntax(text: string): LineSyntax {
  return syntaxOf.get(text);
}

function parseLineSyntax(text: string): LineSyntax {
  const match = PREFIX.exec(text)!;
  const quote = match[1] ?? '';
  const spaces = match[2] ?? '';
  const marker = match[3];
  const contentStart = match[0].length;
  const content = text.slice(contentStart).trimEnd();
  const indent = quote.length + spaces.length;
  return marker ? { contentStart, content, marker, indent } : { contentStart, content, indent };
}

export function isOrdinalMarker(marker: string | undefined): boolean {
  return marker !== undefined && /\d/.test(marker);
}
