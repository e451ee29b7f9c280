/**
 * Inputs the engine declines to check, decided before parsing: Markdown parsing is superlinear in
 * nesting depth and in the length of one block, and costs about a second per megabyte, and a
 * frozen editor is worse than a clear note saying why a document was not checked.
 */

/** About five times the longest assessment we have seen; the benchmarks' 4 MB document fits. */
export const MAX_DOCUMENT_LENGTH = 5 * 1024 * 1024;
/** Block quotes and lists nested deeper than this are not writing, and slow the parser quadratically. */
export const MAX_NESTING_DEPTH = 40;

/**
 * The most lines of Markdown (outside code and raw HTML) one parse may take. micromark's cost grows
 * faster than the length of a paragraph or quote of thousands of lines; the parser splits long
 * lists and quotes, so only such a block, with no blank line in 5,000 lines, runs into this.
 */
export const MAX_BLOCK_LINES = 5000;

/**
 * The most `[` one parse may take outside table rows. micromark looks back over every open
 * bracket for each `]`, so thousands of them in one paragraph (`[[[…]]]`, `[a](b ` repeated) take
 * seconds, then minutes; a real paragraph holds a few dozen links.
 */
export const MAX_BLOCK_BRACKETS = 5000;

/** How many `[` the text holds outside lines that start with `|` (table rows parse cell by cell). */
export function bracketsOutsideTables(text: string): number {
  let count = 0;
  for (let lineStart = 0; lineStart < text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let first = lineStart;
    while (first < lineEnd && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    if (text.charCodeAt(first) !== 124) {
      for (let bracket = text.indexOf('[', first); bracket !== -1 && bracket < lineEnd; bracket = text.indexOf('[', bracket + 1)) count++;
    }
    lineStart = lineEnd + 1;
  }
  return count;
}

export function tooManyBracketsReason(firstLine: number, brackets: number): string {
  return `the block from line ${firstLine + 1} holds ${brackets} “[” with no blank line to split it (the limit is ${MAX_BLOCK_BRACKETS}); Markdown parsing takes quadratic time on such text`;
}

/** Lines are 0-based, inclusive. */
export function blockTooLongReason(firstLine: number, lastLine: number, lineCount: number): string {
  return `lines ${firstLine + 1}–${lastLine + 1} are one block of ${lineCount} lines with no blank line to split it (the limit is ${MAX_BLOCK_LINES}): add blank lines between its paragraphs`;
}

/** Why a document is not checked, or undefined when it is fine. */
export function reasonToSkip(text: string): string | undefined {
  if (text.length > MAX_DOCUMENT_LENGTH) {
    return `it is too large (${(text.length / (1024 * 1024)).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_LENGTH / (1024 * 1024)} MB)`;
  }
  if (text.includes('\u0000')) return 'it contains NUL characters, so it looks like a binary file, not Markdown text';
  const depth = deepestNesting(text);
  if (depth > MAX_NESTING_DEPTH) return `its block quotes or lists are nested ${depth} levels deep (the limit is ${MAX_NESTING_DEPTH})`;
  return undefined;
}

/**
 * The deepest line prefix, counting each `>` and every two columns of indentation as a level.
 * Only the start of each line is read: the scan jumps from line break to line break.
 */
function deepestNesting(text: string): number {
  const nextIndex = (char: string, from: number) => {
    const at = text.indexOf(char, from);
    return at < 0 ? Infinity : at;
  };
  let deepest = 0;
  let lineStart = 0;
  // The next LF and CR at or after the line start, each looked up again only once passed.
  let lf = -1;
  let cr = -1;
  for (;;) {
    const depth = prefixDepth(text, lineStart);
    if (depth > deepest) deepest = depth;
    if (lf < lineStart) lf = nextIndex('\n', lineStart);
    if (cr < lineStart) cr = nextIndex('\r', lineStart);
    const lineBreak = Math.min(lf, cr);
    if (lineBreak === Infinity) return deepest;
    lineStart = lineBreak + (lineBreak === cr && lf === cr + 1 ? 2 : 1);
  }
}

/** How deeply one line's block quotes and list markers nest. */
export function lineNestingDepth(line: string): number {
  return prefixDepth(line, 0);
}

function prefixDepth(text: string, start: number): number {
  let deepest = 0;
  let depth = 0;
  let columns = 0;
  let afterQuoteMarker = false;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) break;
    const followsQuote = afterQuoteMarker;
    afterQuoteMarker = code === 62;
    if (code === 62 /* > */) depth++;
    // The space after `>` belongs to the quote marker.
    else if (code === 32) columns += followsQuote ? 0 : 1;
    else if (code === 9) columns += 4;
    else if (code === 45 || code === 42 || code === 43 /* - * + list markers */) columns += 2;
    else break;
    const level = depth + (columns >> 1);
    if (level > deepest) deepest = level;
  }
  return deepest;
}
