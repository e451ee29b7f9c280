/** The block prefix of a line (blockquote markers, list marker) and the content after it. */

export interface LineSyntax {
  /** Offset of the content within the line text. */
  contentStart: number;
  content: string;
  /** The list marker (`-`, `*`, `+`, `1.`, `1)`) when the line opens a list item. */
  marker?: string;
  /** Columns before the list marker (nesting depth of the item). */
  indent: number;
}

const PREFIX = /^(\s*(?:>\s?)*)(\s*)(?:([-*+]|\d{1,9}[.)])(?:[ \t]+|$))?/;

export function readLineSyntax(text: string): LineSyntax {
  const match = PREFIX.exec(text)!;
  const quote = match[1] ?? '';
  const spaces = match[2] ?? '';
  const marker = match[3];
  const contentStart = match[0].length;
  const syntax: LineSyntax = { contentStart, content: text.slice(contentStart).trimEnd(), indent: quote.length + spaces.length };
  if (marker) syntax.marker = marker;
  return syntax;
}

export function isOrdinalMarker(marker: string | undefined): boolean {
  return marker !== undefined && /\d/.test(marker);
}
