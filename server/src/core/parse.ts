/**
 * Markdown parsing (unified + remark-parse, GFM, front matter) and a per-line view of the result.
 * Chat exports put section titles on lines that CommonMark folds into paragraphs or list items,
 * so the model is extracted per line; the tree only says which lines are code, HTML, front matter,
 * headings or tables, and where inline code and comments are. A chunk that is plain prose, lists
 * and ATX headings needs no tree for that (see plainChunk.ts).
 *
 * `IncrementalParser` re-parses only the chunks of a document that changed; `parseWholeDocument`
 * parses the whole text at once with micromark and is the reference the chunked parse is tested against.
 */
import type { Nodes, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { blockTooLongReason, bracketsOutsideTables, MAX_BLOCK_BRACKETS, MAX_BLOCK_LINES, tooManyBracketsReason } from './limits.js';
import { readPlainChunk } from './plainChunk.js';
import { detached, endsInsideHtmlComment, htmlComments, shiftSpan, SourceText, type Line, type Span } from './text.js';

export type LineKind = 'blank' | 'text' | 'heading' | 'setext-underline' | 'code' | 'html' | 'frontmatter' | 'table' | 'thematic-break';

export interface ClassifiedLine extends Line {
  kind: LineKind;
  /** Heading depth (1–6) on the first line of a heading. */
  depth?: number;
}

export interface Comment {
  /** The text between `<!--` and `-->`. */
  value: string;
  span: Span;
}

export interface ParsedDocument {
  source: SourceText;
  lines: ClassifiedLine[];
  /** Raw YAML of the front matter, when present. */
  frontMatter?: { value: string; span: Span };
  /** Spans of inline code, inline HTML and bare URLs: never prose. In document order. */
  nonProse: Span[];
  /** HTML comments (block or inline), for disable directives. In document order. */
  comments: Comment[];
  /** Why the parser declined the document (a block too long to parse in bounded time); its lines are then all opaque. */
  declined?: string;
  /** The chunks the document was parsed in, in order: lines, offsets, and the text that keys each one's parse. */
  chunks?: ParsedChunk[];
  /**
   * Caches that later stages keep per chunk, from one parse of an edited document to the next
   * (see `IncrementalParser`'s `keepDerived`): each stage keys its own by an object of its own.
   */
  derived?: WeakMap<object, unknown>;
}

export interface ParsedChunk {
  firstLine: number;
  /** The line after the chunk's last. */
  endLine: number;
  offset: number;
  endOffset: number;
  /** The chunk's text, which keys its parse (with whether it is the first chunk, where front matter may stand). */
  text: string;
  parse: ChunkParse;
  /** Several chunks parsed as one, as a block ran on across them (an unclosed fence or HTML block). */
  merged?: true;
}

/** What parsing one chunk yields, relative to the chunk's first line and offset. */
export interface ChunkParse {
  kinds: LineKind[];
  depths: Map<number, number>;
  nonProse: Span[];
  comments: Comment[];
  frontMatter?: { value: string; span: Span };
  /** The last block runs to the chunk's end (an unclosed fence or HTML block): it may continue in the next chunk. */
  openEnded: boolean;
}

const withFrontMatter = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const withoutFrontMatter = unified().use(remarkParse).use(remarkGfm);

/**
 * Parses a document chunk by chunk (see `IncrementalParser`). micromark's cost grows with the
 * square of the number of blocks in one parse (4,000 one-line quotes take seconds), so parsing
 * chunks separately keeps the cost linear; the result is the same as parsing the whole text.
 */
export function parseMarkdown(text: string): ParsedDocument {
  return new IncrementalParser().parse(text);
}

/** Parses the whole document in one piece: the reference the chunked parse is tested against. */
export function parseWholeDocument(text: string): ParsedDocument {
  const source = new SourceText(text);
  const start = source.hasBom ? 1 : 0;
  return assemble(source, [{ line: 0, offset: start, parse: parseChunkTree(text.slice(start), true), text: text.slice(start) }]);
}

/**
 * Splits a document into chunks at blank lines followed by an unindented line — where a new
 * top-level block must start whatever came before — parses each chunk on its own, and reuses the
 * parse of every chunk whose text did not change since the last call.
 */
export class IncrementalParser {
  private cache = new Map<string, ChunkParse>();
  private firstChunk: { text: string; parse: ChunkParse } | undefined;
  private readonly splitLongChunksAfter: number;
  /** What the last `parse` did: the chunks the document fell into, and how many of them it parsed anew (plain or with micromark). */
  lastParse = { chunks: 0, parses: 0 };
  /** Handed on with every parse when `keepDerived` is set (an editor's document), so later stages can reuse per-chunk work. */
  private readonly derived: WeakMap<object, unknown> | undefined;

  /**
   * `keepDerived`: hand on a cache with each parse, for later stages to keep per-chunk results in.
   * `splitLongChunksAfter`: a chunk longer than this (UTF-16 units) is also split where a heading, a list item
   * or a quote paragraph starts (see `candidateBoundaries`); tests set it low to prove those splits exact.
   */
  constructor(options: { splitLongChunksAfter?: number; keepDerived?: boolean } = {}) {
    this.splitLongChunksAfter = options.splitLongChunksAfter ?? LONG_CHUNK;
    if (options.keepDerived) this.derived = new WeakMap();
  }

  parse(text: string): ParsedDocument {
    const source = new SourceText(text);
    const { boundaries, longestBlock } = candidateBoundaries(source, this.splitLongChunksAfter);
    if (longestBlock.lines > MAX_BLOCK_LINES) {
      const firstLine = boundaries[longestBlock.chunk]!;
      let endLine = (boundaries[longestBlock.chunk + 1] ?? source.lines.length) - 1;
      while (endLine > firstLine && source.lines[endLine]!.text.trim() === '') endLine--;
      return this.decline(source, blockTooLongReason(firstLine, endLine, longestBlock.lines));
    }
    const lineStart = (line: number) => (line < source.lines.length ? source.lines[line]!.start : text.length);
    // Chunks are keyed by their text; the first chunk (where front matter may stand) on its own.
    const used = new Map<string, ChunkParse>();
    let usedFirst: { text: string; parse: ChunkParse } | undefined;
    const known = (chunkText: string, atStart: boolean) =>
      atStart ? (usedFirst?.text === chunkText ? usedFirst.parse : this.firstChunk?.text === chunkText ? this.firstChunk.parse : undefined) : (used.get(chunkText) ?? this.cache.get(chunkText));
    const chunks: AssembledChunk[] = [];
    let parses = 0;
    let declined: string | undefined;
    const parseNew = (chunkText: string, atStart: boolean, startLine: number) => {
      // Only text not parsed before is counted, so a keystroke pays for its own chunk.
      const brackets = bracketsOutsideTables(chunkText);
      if (brackets > MAX_BLOCK_BRACKETS) {
        declined = tooManyBracketsReason(startLine, brackets);
        return undefined;
      }
      parses++;
      return parseChunk(chunkText, atStart);
    };
    let first = 0;
    while (first < boundaries.length) {
      let next = first + 1;
      let step = 1;
      for (;;) {
        const startLine = boundaries[first]!;
        const endOffset = next < boundaries.length ? lineStart(boundaries[next]!) : text.length;
        const offset = lineStart(startLine);
        const chunkText = text.slice(offset, endOffset);
        const atStart = startLine === 0;
        const parse = known(chunkText, atStart) ?? parseNew(chunkText, atStart, startLine);
        // The chunks parsed so far stay known: the next keystroke should not parse them again.
        if (!parse) return this.decline(source, declined!, { used, usedFirst, parses });
        if (atStart) usedFirst = { text: chunkText, parse };
        else used.set(chunkText, parse);
        // An unclosed fence or HTML block would swallow the following chunks: parse them together,
        // taking twice as many each time so a block that never closes costs a few parses, not one per chunk.
        if (parse.openEnded && next < boundaries.length) {
          step *= 2;
          next = Math.min(first + step, boundaries.length);
          continue;
        }
        chunks.push(next - first > 1 ? { line: startLine, offset, parse, text: chunkText, merged: true } : { line: startLine, offset, parse, text: chunkText });
        break;
      }
      first = next;
    }
    this.cache = used;
    this.firstChunk = usedFirst;
    this.lastParse = { chunks: chunks.length, parses };
    const parsed = assemble(source, chunks);
    if (this.derived) parsed.derived = this.derived;
    return parsed;
  }

  /**
   * The parse of one chunk's text: the one the last parse used, or a new one, kept for the next
   * parse. Undefined when the chunk holds more brackets than a parse may take (see limits.ts).
   */
  chunkParse(text: string, atStart: boolean): ChunkParse | undefined {
    const known = atStart ? (this.firstChunk?.text === text ? this.firstChunk.parse : undefined) : this.cache.get(text);
    if (known) return known;
    if (bracketsOutsideTables(text) > MAX_BLOCK_BRACKETS) return undefined;
    const parse = parseChunk(text, atStart);
    if (!atStart) this.cache.set(text, parse);
    return parse;
  }

  /**
   * Whether the document keeps its chunks when the text of `line`, in `chunk`, becomes `text`
   * (`delta` characters longer): the chunker reads the line the same, and no split for length
   * (see `candidateBoundaries`) appears or goes. Chunks decide what the parser declines.
   */
  keepsChunks(lines: readonly Line[], chunk: ParsedChunk, line: number, text: string, delta: number): boolean {
    // Where a merged chunk's pieces began, and so how long its last piece is, is not kept.
    if (chunk.merged || boundaryShape(lines[line]!.text) !== boundaryShape(text)) return false;
    const length = chunk.endOffset - chunk.offset;
    if (length + Math.max(delta, 0) <= this.splitLongChunksAfter) return true;
    // Longer, a line after the edit may now lie far enough from the chunk's start to split it…
    for (let after = line + 1; after < chunk.endLine && delta > 0; after++) {
      if (lines[after]!.start - chunk.offset + delta > this.splitLongChunksAfter && mayStartLongChunkPiece(lines[after]!.text)) return false;
    }
    // …or the next chunk, split off for length (not after a blank line), no longer lie far enough.
    const splitForLength = chunk.endLine < lines.length && lines[chunk.endLine - 1]!.text.trim() !== '';
    return !(splitForLength && length + delta <= this.splitLongChunksAfter);
  }

  /**
   * A document the parser will not take, reported as skipped. What this parse did manage (`kept`)
   * joins the cache; a decline before any parsing drops the cache.
   */
  private decline(source: SourceText, reason: string, kept?: { used: Map<string, ChunkParse>; usedFirst: { text: string; parse: ChunkParse } | undefined; parses: number }): ParsedDocument {
    if (kept) {
      for (const [text, parse] of kept.used) this.cache.set(text, parse);
      if (kept.usedFirst) this.firstChunk = kept.usedFirst;
    } else {
      this.cache.clear();
      this.firstChunk = undefined;
    }
    this.lastParse = { chunks: 0, parses: kept?.parses ?? 0 };
    return { ...opaqueDocument(source), declined: reason };
  }
}

/**
 * micromark's cost also grows with the square of a list's or a quote's length when no blank line
 * separates its parts (a 100 KB list with sub-items takes half a minute in one piece), so a chunk
 * longer than this is also split where a heading, a list item or a quote's paragraph starts (see
 * `candidateBoundaries`). Lists cost least in pieces of 1–2 KB; 1 KB keeps a keystroke in a chat
 * export without blank lines (the corpus document) cheap.
 */
const LONG_CHUNK = 1024;
// A bullet item with content (so never a thematic break like `- - -`); it ends any paragraph,
// table or quote before it, and nothing before it can continue into it.
const TOP_LEVEL_BULLET = /^[-*+][ \t]+\S/;
const THEMATIC_BREAK = /^(?:[-*_][ \t]*){3,}$/;
// A numbered item with content and no table cell in it.
const TOP_LEVEL_NUMBERED = /^(\d{1,9})[.)][ \t]+[^\s|][^|]*$/;
// An unindented ATX heading: it ends any paragraph, list or quote before it, and holds one line.
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
// A quote line after an empty one (`>`), unindented so it cannot continue a list item of the quote.
const EMPTY_QUOTE_LINE = /^>[ \t]*$/;
const QUOTE_PARAGRAPH_START = /^> ?[^\s>]/;
// The quote and list markers a line's block may stand inside.
const CONTAINER_PREFIX = String.raw`^\s*(?:>\s*|[-*+]\s+|\d{1,9}[.)]\s+)*`;
const FENCE_OPEN = new RegExp(`${CONTAINER_PREFIX}(\`{3,}|~{3,})`);
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})\s*$/;
// A line that may open an HTML block or a table: both may run on to the next blank line.
const MAY_RUN_TO_BLANK = new RegExp(`${CONTAINER_PREFIX}<|\\|`);

// HTML blocks that run on across blank lines until their end marker (CommonMark's kinds 1, 3, 4
// and 5; comments, kind 2, are followed on their own as they may also open inside a paragraph).
const RAW_HTML_BLOCKS: readonly { open: RegExp; close: RegExp }[] = [
  { open: new RegExp(`${CONTAINER_PREFIX}<(?:script|pre|style|textarea)(?=[\\s>]|$)`, 'i'), close: /<\/(?:script|pre|style|textarea)>/i },
  { open: new RegExp(`${CONTAINER_PREFIX}<\\?`), close: /\?>/ },
  { open: new RegExp(`${CONTAINER_PREFIX}<![A-Za-z]`), close: />/ },
  { open: new RegExp(`${CONTAINER_PREFIX}<!\\[CDATA\\[`), close: /\]\]>/ },
];

/** The end marker of a raw HTML block this line opens and does not close, if it opens one. */
function openedRawHtmlEnd(text: string): RegExp | undefined {
  if (!text.includes('<')) return undefined;
  for (const block of RAW_HTML_BLOCKS) {
    const open = block.open.exec(text);
    if (open) return block.close.test(text.slice(open[0].length)) ? undefined : block.close;
  }
  return undefined;
}

/**
 * Lines a chunk may start on: after a blank line, unindented, outside front matter, fences, raw
 * HTML and comments; and, once a chunk is longer than `splitLongChunksAfter`, before a heading, a
 * top-level bullet item or a quote's paragraph (see `startsLongChunkPiece`) that follows a line of
 * text, outside HTML blocks and tables. Either way the parse of the lines before cannot change the
 * parse of the lines after. Also measures the longest chunk in lines of Markdown (see limits.ts).
 */
function candidateBoundaries(source: SourceText, splitLongChunksAfter: number): { boundaries: number[]; longestBlock: LongestBlock } {
  const boundaries = [0];
  // Lines of Markdown (not code, raw HTML or comments) in the chunk so far, and the most in any chunk.
  let markdownLines = 0;
  const longestBlock: LongestBlock = { chunk: 0, lines: 0 };
  const countLine = () => {
    markdownLines++;
    if (markdownLines > longestBlock.lines) Object.assign(longestBlock, { chunk: boundaries.length - 1, lines: markdownLines });
  };
  const lines = source.lines;
  let index = 0;
  if (/^---\s*$/.test(lines[0]?.text ?? '')) {
    // Front matter may hold blank lines; no boundary before it closes.
    index = 1;
    while (index < lines.length && !/^---\s*$/.test(lines[index]!.text)) index++;
  }
  let fence: { char: string; length: number } | undefined;
  let inComment = false;
  let rawHtmlEnd: RegExp | undefined;
  let lastContent = '';
  let mayRunToBlank = false;
  const numberedList = new NumberedListState();
  // The first line (or the front matter's closing line) opens no chunk but may open a fence or a block.
  const firstLine = index;
  for (; index < lines.length; index++) {
    const text = lines[index]!.text;
    // Read on every line, even in a comment or fence: an HTML block may hold both.
    const inHtmlOrTable = mayRunToBlank;
    const numberedItem = numberedList.next(text, index > 0 && lines[index - 1]!.text.trim() === '');
    if (text.trim() === '') mayRunToBlank = false;
    else if (MAY_RUN_TO_BLANK.test(text)) mayRunToBlank = true;
    if (fence) {
      const close = FENCE_CLOSE.exec(text);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    if (inComment) {
      if (text.includes('-->')) inComment = false;
      continue;
    }
    if (rawHtmlEnd) {
      if (rawHtmlEnd.test(text)) rawHtmlEnd = undefined;
      continue;
    }
    const open = FENCE_OPEN.exec(text);
    if (open) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      continue;
    }
    if (endsInsideHtmlComment(text)) {
      inComment = true;
      continue;
    }
    rawHtmlEnd = openedRawHtmlEnd(text);
    if (rawHtmlEnd) continue;
    if (text === '' || /^\s/.test(text)) {
      if (text.trim() !== '') {
        lastContent = text;
        countLine();
      }
      continue;
    }
    if (index > firstLine) {
      const afterBlank = lines[index - 1]!.text.trim() === '';
      // After indented code micromark reads the next block differently than at a document's start.
      const split =
        afterBlank
          ? !/^(?: {4}|\t)/.test(lastContent)
          : !inHtmlOrTable && lines[index]!.start - lines[boundaries.at(-1)!]!.start > splitLongChunksAfter && startsLongChunkPiece(text, lines[index - 1]!.text, numberedItem);
      if (split) {
        boundaries.push(index);
        markdownLines = 0;
      }
    }
    countLine();
    lastContent = text;
  }
  return { boundaries, longestBlock };
}

interface LongestBlock {
  /** Index of the chunk (in `boundaries`). */
  chunk: number;
  lines: number;
}

/**
 * Where a long chunk may split: an ATX heading, a top-level bullet item, a quote's paragraph after
 * an empty quote line, or a numbered item that surely starts an item (see `NumberedListState`).
 */
function startsLongChunkPiece(text: string, previous: string, numberedItem: boolean): boolean {
  if (ATX_HEADING.test(text)) return true;
  if (TOP_LEVEL_BULLET.test(text)) return !THEMATIC_BREAK.test(text);
  if (numberedItem) return true;
  return QUOTE_PARAGRAPH_START.test(text) && EMPTY_QUOTE_LINE.test(previous);
}

/** Whether a line could start a piece of a long chunk (more lines than `startsLongChunkPiece` takes). */
function mayStartLongChunkPiece(text: string): boolean {
  return ATX_HEADING.test(text) || TOP_LEVEL_BULLET.test(text) || TOP_LEVEL_NUMBERED.test(text) || QUOTE_PARAGRAPH_START.test(text);
}

/** All that `candidateBoundaries` reads from one line's text, as a string: lines of the same shape chunk alike. */
function boundaryShape(text: string): string {
  return [
    text.trim() === '',
    /^\s/.test(text),
    /^(?: {4}|\t)/.test(text),
    /^---\s*$/.test(text),
    FENCE_OPEN.exec(text)?.[1],
    FENCE_CLOSE.exec(text)?.[1],
    text.includes('-->'),
    endsInsideHtmlComment(text),
    openedRawHtmlEnd(text)?.source,
    ...RAW_HTML_BLOCKS.map((block) => block.close.test(text)),
    MAY_RUN_TO_BLANK.test(text),
    TOP_LEVEL_NUMBERED.exec(text)?.[1],
    ATX_HEADING.test(text),
    TOP_LEVEL_BULLET.test(text),
    THEMATIC_BREAK.test(text),
    QUOTE_PARAGRAPH_START.test(text),
    EMPTY_QUOTE_LINE.test(text),
  ].join('|');
}

/**
 * Whether the lines so far are surely inside a numbered list, so that the next numbered line starts
 * an item. A numbered line may also continue a paragraph (`5. a` after text, which a `===` below
 * would make a heading), unless it is numbered 1, follows a blank line, or follows an item's lines.
 */
class NumberedListState {
  private inList = false;

  /** Reads the next line; says whether it is a numbered line that surely starts a list item. */
  next(text: string, afterBlank: boolean): boolean {
    const numbered = TOP_LEVEL_NUMBERED.exec(text);
    if (numbered) {
      const startsItem = this.inList || afterBlank || Number(numbered[1]) === 1;
      this.inList = startsItem;
      return startsItem;
    }
    // Indented lines and blank lines stay in the item; any other line may have left the list.
    if (text.trim() !== '' && !/^[ \t]/.test(text)) this.inList = false;
    return false;
  }
}

/** A chunk's parse: read from its characters when it is plain (see plainChunk.ts), else from its syntax tree. */
export function parseChunk(text: string, allowFrontMatter: boolean): ChunkParse {
  const plain = readPlainChunk(text);
  if (!plain) return parseChunkTree(text, allowFrontMatter);
  const kinds = new Array<LineKind>(plain.lineCount);
  for (const line of plain.headings.keys()) kinds[line] = 'heading';
  return { kinds, depths: plain.headings, nonProse: [], comments: [], openEnded: false };
}

/** A chunk's parse from its micromark syntax tree, whatever the chunk holds. */
export function parseChunkTree(text: string, allowFrontMatter: boolean): ChunkParse {
  const tree = (allowFrontMatter ? withFrontMatter : withoutFrontMatter).parse(text);
  const lineCount = countLines(text);
  const kinds: LineKind[] = new Array<LineKind>(lineCount);
  const depths = new Map<number, number>();
  const nonProse: Span[] = [];
  const comments: Comment[] = [];
  let frontMatter: ChunkParse['frontMatter'];

  const markLines = (node: Nodes, kind: LineKind) => {
    const start = node.position?.start.line;
    const end = node.position?.end.line;
    if (start === undefined || end === undefined) return;
    for (let line = start - 1; line <= end - 1 && line < lineCount; line++) kinds[line] = kind;
  };
  const spanOf = (node: Nodes): Span => ({ start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 });
  const collectComments = (node: Nodes) => {
    if (node.type !== 'html') return;
    const span = spanOf(node);
    for (const comment of htmlComments(node.value)) {
      // Copies: a chunk's parse is kept across edits, and a slice would keep this version of the document alive.
      comments.push({ value: detached(comment.inner), span: { start: span.start + comment.start, end: span.start + comment.end } });
    }
  };
  const visitInline = (node: Nodes) => {
    // Nodes without a position (GFM makes some) cover no source text.
    if (!node.position) return;
    if (node.type === 'inlineCode' || node.type === 'html') {
      nonProse.push(spanOf(node));
      collectComments(node);
      return;
    }
    if (node.type === 'link' && node.children.length === 1 && node.children[0]?.type === 'text' && node.children[0].value === node.url) {
      nonProse.push(spanOf(node));
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visitInline(child);
  };
  const visitBlock = (node: RootContent) => {
    switch (node.type) {
      case 'yaml':
        markLines(node, 'frontmatter');
        frontMatter = { value: detached(node.value), span: spanOf(node) };
        return;
      case 'code':
        markLines(node, 'code');
        return;
      case 'html':
        markLines(node, 'html');
        collectComments(node);
        return;
      case 'table':
        markLines(node, 'table');
        visitInline(node);
        return;
      case 'thematicBreak':
        markLines(node, 'thematic-break');
        return;
      case 'heading': {
        const start = (node.position?.start.line ?? 1) - 1;
        const end = (node.position?.end.line ?? 1) - 1;
        kinds[start] = 'heading';
        depths.set(start, node.depth);
        // A setext heading's text may span lines; its last line is the underline.
        for (let line = start + 1; line <= end; line++) kinds[line] = line === end ? 'setext-underline' : 'heading';
        visitInline(node);
        return;
      }
      case 'paragraph':
        visitInline(node);
        return;
      default:
        // Containers (blockquote, list, list item, footnote definition) hold blocks.
        if ('children' in node) for (const child of node.children as RootContent[]) visitBlock(child);
    }
  };
  for (const child of tree.children) visitBlock(child);
  const last = tree.children[tree.children.length - 1];
  const openEnded = last?.position?.end.offset === text.length && text.length > 0;
  const parse: ChunkParse = { kinds, depths, nonProse, comments, openEnded };
  if (frontMatter) parse.frontMatter = frontMatter;
  return parse;
}

/** A document read as nothing but opaque lines (as if all code), for text the engine declines. */
export function opaqueDocument(source: SourceText): ParsedDocument {
  return { source, lines: source.lines.map((line) => ({ ...line, kind: 'code' as const })), nonProse: [], comments: [] };
}

function countLines(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

const NOT_BLANK = /\S/;

interface AssembledChunk {
  line: number;
  offset: number;
  parse: ChunkParse;
  text: string;
  merged?: true;
}

function assemble(source: SourceText, chunks: AssembledChunk[]): ParsedDocument {
  const lines: ClassifiedLine[] = new Array<ClassifiedLine>(source.lines.length);
  const nonProse: Span[] = [];
  const comments: Comment[] = [];
  let frontMatter: ParsedDocument['frontMatter'];
  chunks.forEach((chunk, index) => {
    const endLine = index + 1 < chunks.length ? chunks[index + 1]!.line : source.lines.length;
    for (let line = chunk.line; line < endLine; line++) {
      // The source's own line objects take their kind: a large document has tens of thousands of
      // lines, rebuilt on every keystroke, and this source text is this parse's alone.
      const classified = source.lines[line] as ClassifiedLine;
      classified.kind = chunk.parse.kinds[line - chunk.line] ?? (NOT_BLANK.test(classified.text) ? 'text' : 'blank');
      const depth = chunk.parse.depths.get(line - chunk.line);
      if (depth !== undefined) classified.depth = depth;
      lines[line] = classified;
    }
    for (const span of chunk.parse.nonProse) nonProse.push(shiftSpan(span, chunk.offset));
    for (const comment of chunk.parse.comments) comments.push({ value: comment.value, span: shiftSpan(comment.span, chunk.offset) });
    if (chunk.parse.frontMatter) frontMatter = { value: chunk.parse.frontMatter.value, span: shiftSpan(chunk.parse.frontMatter.span, chunk.offset) };
  });
  nonProse.sort((a, b) => a.start - b.start);
  comments.sort((a, b) => a.span.start - b.span.start);
  const parsedChunks = chunks.map((chunk, index): ParsedChunk => {
    const next = chunks[index + 1];
    const parsedChunk: ParsedChunk = { firstLine: chunk.line, endLine: next ? next.line : source.lines.length, offset: chunk.offset, endOffset: next ? next.offset : source.text.length, text: chunk.text, parse: chunk.parse };
    if (chunk.merged) parsedChunk.merged = true;
    return parsedChunk;
  });
  const parsed: ParsedDocument = { source, lines, nonProse, comments, chunks: parsedChunks };
  if (frontMatter) parsed.frontMatter = frontMatter;
  return parsed;
}
