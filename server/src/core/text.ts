/** Positions in a document: offsets and line/character pairs, both in UTF-16 code units (as LSP counts them). */

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A half-open offset span `[start, end)` into the document text. */
export interface Span {
  start: number;
  end: number;
}

export function shiftSpan(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

/** The index of the first item of `sorted` (in order of `startOf`) that starts at or after `offset`. */
export function firstStartingAt<T>(sorted: readonly T[], offset: number, startOf: (item: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (startOf(sorted[middle]!) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first item of `sorted` (in order of `span.start`) wholly inside `outer` that `accept` takes: a binary search, not a scan. */
export function firstSpanWithin<T extends { span: Span }>(sorted: readonly T[], outer: Span, accept: (item: T) => boolean = () => true): T | undefined {
  for (let index = firstStartingAt(sorted, outer.start, (item) => item.span.start); index < sorted.length && sorted[index]!.span.start <= outer.end; index++) {
    const item = sorted[index]!;
    if (item.span.end <= outer.end && accept(item)) return item;
  }
  return undefined;
}

/** Whether any item of `sorted` (in order of `span.start`) lies wholly inside `outer`. */
export function anySpanWithin(sorted: readonly { span: Span }[], outer: Span): boolean {
  return firstSpanWithin(sorted, outer) !== undefined;
}

/** One physical line of the document, without its line ending. */
export interface Line {
  /** 0-based line number. */
  index: number;
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character, before the line ending. */
  end: number;
  text: string;
}

/**
 * The document text with a line index. Line endings may be LF, CRLF or CR, mixed;
 * a leading BOM is part of line 0 but never part of its `text`.
 */
export class SourceText {
  readonly lines: readonly Line[];

  constructor(
    readonly text: string,
    lines?: readonly Line[],
  ) {
    this.lines = lines ?? splitLines(text);
  }

  /** The text with lines already known (an edit moved them): the text is not read. */
  static withLines(text: string, lines: readonly Line[]): SourceText {
    return new SourceText(text, lines);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lines.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lines[mid]!.start <= clamped) low = mid;
      else high = mid - 1;
    }
    const line = this.lines[low]!;
    // An offset inside a CRLF pair or on the BOM belongs to the nearest real character.
    const character = Math.min(Math.max(clamped - line.start, 0), line.end - line.start);
    return { line: low, character };
  }

  offsetAt(position: Position): number {
    const line = this.lines[Math.max(0, Math.min(position.line, this.lines.length - 1))]!;
    return Math.min(line.start + Math.max(0, position.character), line.end);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  get hasBom(): boolean {
    return this.text.charCodeAt(0) === 0xfeff;
  }

  /** The line ending the document mostly uses, for text that fixes insert. */
  private lineEnding: string | undefined;

  get eol(): string {
    if (this.lineEnding === undefined) {
      const firstNewline = this.text.indexOf('\n');
      this.lineEnding = firstNewline > 0 && this.text.charCodeAt(firstNewline - 1) === 13 ? '\r\n' : '\n';
    }
    return this.lineEnding;
  }
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.includes('\r')) {
    // Line feeds only, the usual case: jump from one to the next (a keystroke re-splits a large document).
    for (;;) {
      const newline = text.indexOf('\n', lineStart);
      const end = newline === -1 ? text.length : newline;
      lines.push(newLine(lines.length, lineStart, end, text));
      if (newline === -1) return lines;
      lineStart = newline + 1;
    }
  }
  for (let i = lineStart; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : -1;
    if (code !== 10 && code !== 13 && code !== -1) continue;
    lines.push(newLine(lines.length, lineStart, i, text));
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    lineStart = i + 1;
  }
  return lines;
}

function newLine(index: number, start: number, end: number, text: string): Line {
  // The parser gives each line its kind and depth: created with those slots, every line object
  // keeps one shape, which keeps the many passes over lines fast.
  const line = { index, start, end, text: text.slice(start, end), kind: undefined, depth: undefined };
  return line;
}

/**
 * Each complete HTML comment (`<!-- … -->`) in order, with its inner text. Found with `indexOf`:
 * a lazy regular expression (`<!--[\s\S]*?-->`) re-scans to the end from every unclosed `<!--`,
 * which is quadratic in a text full of them.
 */
export function htmlComments(text: string): { start: number; end: number; inner: string }[] {
  const comments: { start: number; end: number; inner: string }[] = [];
  for (let from = 0; ; ) {
    const start = text.indexOf('<!--', from);
    if (start === -1) break;
    const close = text.indexOf('-->', start + 4);
    // No `-->` after this `<!--` means none after any later one either.
    if (close === -1) break;
    comments.push({ start, end: close + 3, inner: text.slice(start + 4, close) });
    from = close + 3;
  }
  return comments;
}

/** The text without its complete HTML comments. */
export function withoutHtmlComments(text: string): string {
  if (!text.includes('<!--')) return text;
  let kept = '';
  let from = 0;
  for (const comment of htmlComments(text)) {
    kept += text.slice(from, comment.start);
    from = comment.end;
  }
  return kept + text.slice(from);
}

/** The text without an HTML comment that ends it (and the white space around that comment). */
export function withoutTrailingHtmlComment(text: string): string {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith('-->')) return text;
  const start = trimmed.lastIndexOf('<!--', trimmed.length - 3);
  if (start === -1 || start + 4 > trimmed.length - 3) return text;
  return trimmed.slice(0, start).trimEnd();
}

/** Whether an HTML comment is still open at the end of the text: a `<!--` after its last complete comment. */
export function endsInsideHtmlComment(text: string): boolean {
  return text.indexOf('<!--', htmlComments(text).at(-1)?.end ?? 0) !== -1;
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. A line sliced from a
 * document keeps the whole document text alive, so a cache kept across edits must not store the
 * slice itself: it would keep one version of the document per keystroke. (Concatenation gives a
 * new string, which slicing flattens into a buffer of its own.)
 */
export function detached(text: string): string {
  return ` ${text}`.slice(1);
}
