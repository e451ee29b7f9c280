/** The prose of a document: text on content lines, minus inline code, inline HTML and bare URLs. */
import type { ParsedDocument } from './parse.js';
import type { Line, Span } from './text.js';

export interface ProseSegment {
  /** 0-based line. */
  line: number;
  /** Offset of `text` in the document. */
  start: number;
  text: string;
}

/** Prose segments on lines with a number of two or more digits, where dates can stand. */
export function proseWithNumbers(parsed: ParsedDocument): ProseSegment[] {
  return proseSegments(parsed, (text) => TWO_DIGITS.test(text));
}

const TWO_DIGITS = /\d\d/;
const NONE: readonly Span[] = [];

/**
 * Prose segments in document order; one line may yield several (split around inline code).
 * `keepLine` skips lines whose text cannot hold what the caller looks for.
 */
export function proseSegments(parsed: ParsedDocument, keepLine?: (text: string) => boolean): ProseSegment[] {
  const segments: ProseSegment[] = [];
  // In document order already (see ParsedDocument).
  const sorted = parsed.nonProse;
  let next = 0;
  for (const line of parsed.lines) {
    if ((line.kind !== 'text' && line.kind !== 'heading' && line.kind !== 'table') || (keepLine && !keepLine(line.text))) continue;
    while (next < sorted.length && sorted[next]!.end <= line.start) next++;
    let last = next;
    while (last < sorted.length && sorted[last]!.start < line.end) last++;
    segments.push(...lineSegments(line, next === last ? NONE : sorted.slice(next, last)));
  }
  return segments;
}

/** The prose segments of one line, given what on it is not prose (in order; spans in the line's coordinates). */
export function lineSegments(line: Line, nonProse: readonly Span[]): ProseSegment[] {
  const segments: ProseSegment[] = [];
  let cursor = line.start;
  for (const skip of nonProse) {
    if (skip.start > cursor) segments.push({ line: line.index, start: cursor, text: line.text.slice(cursor - line.start, skip.start - line.start) });
    cursor = Math.max(cursor, skip.end);
  }
  // A whole line's segment is the line's own text: no new string, and its hash is known to earlier lookups.
  if (cursor < line.end) segments.push({ line: line.index, start: cursor, text: cursor === line.start ? line.text : line.text.slice(cursor - line.start) });
  return segments;
}
