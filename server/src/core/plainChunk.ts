/**
 * Most of an assessment is plain prose, lists and ATX headings. For such a chunk the parse says
 * only which lines are headings: no code, HTML, table, thematic break, front matter, inline code,
 * comment or bare URL can be in it. `readPlainChunk` recognises that case from the characters alone
 * and answers without micromark, which costs about ten times as much; for anything it cannot prove
 * plain it answers `undefined` and the chunk is parsed. A property test holds it to the parse.
 */

export interface PlainChunk {
  lineCount: number;
  /** Line index (in the chunk) → depth, for each ATX heading. */
  headings: Map<number, number>;
}

// Anything that may start code, HTML, an autolink, a table, a link or a definition, wherever it stands.
const MAY_BE_SYNTAX = /[`<|\t]|~~~|\]\(|\]:|@|www\.|:\/\//i;
// Quote and list markers and the spaces around them (generously: any run of these characters).
const CONTAINER_PREFIX = /^[ >*+\-\d.)]*/;
// Nothing but markers: a thematic break, a setext underline, front matter's fence, an empty item.
const ONLY_MARKERS = /^[ >*+\-\d.)=_#]*$/;
const ATX_HEADING = /^(#{1,6})(?: |$)/;
const FOUR_SPACES = '    ';
// Blank as CommonMark reads it: spaces only (tabs never get here). A no-break space is text.
const BLANK = /^ *$/;

export function readPlainChunk(text: string): PlainChunk | undefined {
  // The last block of a chunk that does not end its line may run to the chunk's end (see `openEnded`).
  const last = text.charCodeAt(text.length - 1);
  if (last !== 10 && last !== 13) return undefined;
  if (MAY_BE_SYNTAX.test(text)) return undefined;
  const lines = text.split(/\r\n|\r|\n/);
  const headings = new Map<number, number>();
  // Whether the line before is a paragraph's text, which an indented line can only continue.
  let afterParagraphText = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (BLANK.test(line)) {
      afterParagraphText = false;
      continue;
    }
    if (ONLY_MARKERS.test(line)) return undefined;
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      headings.set(index, heading[1]!.length);
      afterParagraphText = false;
      continue;
    }
    const prefix = CONTAINER_PREFIX.exec(line)![0];
    // A heading inside a quote or list item, or after indentation: leave it to the parser.
    if (line.charCodeAt(prefix.length) === 35 /* # */) return undefined;
    // Four spaces may open indented code, unless they indent a line that continues a paragraph.
    const run = prefix.indexOf(FOUR_SPACES);
    if (run !== -1) {
      const indent = prefix.length - prefix.trimStart().length;
      if (!afterParagraphText || run !== 0 || prefix.indexOf(FOUR_SPACES, indent) !== -1) return undefined;
    }
    afterParagraphText = true;
  }
  return { lineCount: lines.length, headings };
}
