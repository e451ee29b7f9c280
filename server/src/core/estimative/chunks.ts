/**
 * The estimative scan of a document being edited, chunk by chunk. Sentences never run across the
 * parser's chunks (each chunk starts a block: after a blank line, or at a heading or list item),
 * so a chunk's scan depends only on its own text and on which of its lines quote someone (decided
 * by the whole blockquote, which may span chunks). After an edit, every unchanged chunk's scan is
 * reused, moved to where the chunk now stands; only the changed chunk is scanned again.
 */
import type { ChunkParse, ClassifiedLine, ParsedDocument } from '../parse.js';
import type { Schema } from '../schema/types.js';
import { detached, shiftSpan, SourceText } from '../text.js';
import type { ConfidenceStatement, EstimativeMention, EstimativeScan, Percentage } from './scan.js';
import { quotationBlockquoteLines } from './tokens.js';
import { yardstickFor } from './yardsticks.js';

/** A part's scan, and how many tokens and sentences it numbered (to number the next part's after them). */
export interface PartScan {
  scan: EstimativeScan;
  tokens: number;
  sentences: number;
  /** Where it was last placed in a document, and what it became there: reused while the chunk stays put. */
  placed?: { by: Shift; scan: EstimativeScan };
}

export type ScanPart = (part: ParsedDocument, schema: Schema, quotationLines: ReadonlySet<number>) => PartScan;

/** This stage's key in `ParsedDocument.derived`: per schema, the scans of the chunks of the last parse. */
const CACHE_KEY = {};

export function scanByChunks(parsed: ParsedDocument, schema: Schema, scanPart: ScanPart): EstimativeScan {
  const chunks = parsed.chunks!;
  const bySchema = cachesOf(parsed.derived!);
  const previous = bySchema.get(schema) ?? new Map<string, PartScan>();
  const used = new Map<string, PartScan>();
  const quoted = quotationBlockquoteLines(parsed.lines);

  const whole: EstimativeScan = { yardstick: yardstickFor(schema), mentions: [], percentages: [], confidence: [], rowDisclaimers: [] };
  let tokenBase = 0;
  let sentenceBase = 0;
  for (const chunk of chunks) {
    const quotedHere = quoted.size === 0 ? NONE : linesBetween(quoted, chunk.firstLine, chunk.endLine);
    // Most chunks quote no one and are not the first: their text alone is the key (no copy of it).
    // Text never holds NUL (such documents are not parsed), so the two kinds of key cannot meet.
    const key = quotedHere.length === 0 && chunk.firstLine > 0 ? chunk.text : `${chunk.firstLine === 0 ? 'F' : 'N'}${quotedHere.join(',')}\u0000${chunk.text}`;
    const part = used.get(key) ?? previous.get(key) ?? scanPart(chunkDocument(chunk.text, chunk.parse), schema, new Set(quotedHere));
    used.set(key, part);
    const by: Shift = { offset: chunk.offset, line: chunk.firstLine, token: tokenBase, sentence: sentenceBase };
    // A chunk before the edit stands where it stood: its placed findings are reused as they are.
    if (!part.placed || !sameShift(part.placed.by, by)) part.placed = { by, scan: moved(part.scan, by) };
    const here = part.placed.scan;
    for (const mention of here.mentions) whole.mentions.push(mention);
    for (const percentage of here.percentages) whole.percentages.push(percentage);
    for (const statement of here.confidence) whole.confidence.push(statement);
    for (const span of here.rowDisclaimers) whole.rowDisclaimers.push(span);
    tokenBase += part.tokens;
    sentenceBase += part.sentences;
  }
  bySchema.set(schema, used);
  return whole;
}

function cachesOf(derived: WeakMap<object, unknown>): WeakMap<Schema, Map<string, PartScan>> {
  let caches = derived.get(CACHE_KEY) as WeakMap<Schema, Map<string, PartScan>> | undefined;
  if (!caches) {
    caches = new WeakMap();
    derived.set(CACHE_KEY, caches);
  }
  return caches;
}

const NONE: readonly number[] = [];

/** The lines of `lines` from `first` to before `end`, counted from `first`. */
function linesBetween(lines: ReadonlySet<number>, first: number, end: number): number[] {
  const found = [];
  for (let line = first; line < end; line++) if (lines.has(line)) found.push(line - first);
  return found;
}

/**
 * The chunk as a document of its own: its text, its lines' kinds, its inline code and URLs. Its
 * text is a copy, as its scan is kept across edits (see `detached`).
 */
function chunkDocument(text: string, parse: ChunkParse): ParsedDocument {
  const source = new SourceText(detached(text));
  const lines = source.lines.map((line, index): ClassifiedLine => {
    const kind = parse.kinds[index] ?? (NOT_BLANK.test(line.text) ? 'text' : 'blank');
    const depth = parse.depths.get(index);
    return depth === undefined ? { ...line, kind } : { ...line, kind, depth };
  });
  // Inline code and URLs never cross chunks: the chunk's parse holds them where they stand in it.
  return { source, lines, nonProse: parse.nonProse, comments: [] };
}

const NOT_BLANK = /\S/;

/**
 * The scan of one chunk that quotes no one, read on its own: from the document's per-chunk cache,
 * or scanned now and kept there for the next scan of the whole (an edit checks the chunk it
 * changed this way, see edit.ts).
 */
export function scanOfChunk(derived: WeakMap<object, unknown>, schema: Schema, chunk: { text: string; firstLine: number; parse: ChunkParse }, scanPart: ScanPart): PartScan {
  const bySchema = cachesOf(derived);
  let parts = bySchema.get(schema);
  if (!parts) bySchema.set(schema, (parts = new Map<string, PartScan>()));
  const key = chunk.firstLine > 0 ? chunk.text : `F\u0000${chunk.text}`;
  let part = parts.get(key);
  if (!part) {
    part = scanPart(chunkDocument(chunk.text, chunk.parse), schema, new Set());
    parts.set(key, part);
  }
  return part;
}

interface Shift {
  offset: number;
  line: number;
  token: number;
  sentence: number;
}

function sameShift(a: Shift, b: Shift): boolean {
  return a.offset === b.offset && a.line === b.line && a.token === b.token && a.sentence === b.sentence;
}

/** A part's findings moved by `by`: fresh objects, as the part's own are cached. */
function moved(part: EstimativeScan, by: Shift): EstimativeScan {
  const result: EstimativeScan = { yardstick: part.yardstick, mentions: [], percentages: [], confidence: [], rowDisclaimers: [] };
  const percentages = new Map<Percentage, Percentage>();
  const mentions = new Map<EstimativeMention, EstimativeMention>();
  const movePercentage = (percentage: Percentage): Percentage => {
    let copy = percentages.get(percentage);
    if (!copy) {
      copy = {
        ...percentage,
        span: shiftSpan(percentage.span, by.offset),
        line: percentage.line + by.line,
        sentence: percentage.sentence + by.sentence,
        firstToken: percentage.firstToken + by.token,
        lastToken: percentage.lastToken + by.token,
      };
      percentages.set(percentage, copy);
    }
    return copy;
  };
  for (const mention of part.mentions) {
    const copy = { ...mention, span: shiftSpan(mention.span, by.offset), sentence: mention.sentence + by.sentence, firstToken: mention.firstToken + by.token, lastToken: mention.lastToken + by.token };
    if ('percentage' in copy && copy.percentage) copy.percentage = movePercentage(copy.percentage);
    mentions.set(mention, copy);
    result.mentions.push(copy);
  }
  for (const percentage of part.percentages) result.percentages.push(movePercentage(percentage));
  // A percentage written with a term points back at it.
  for (const [original, copy] of percentages) {
    if (original.attachedTo) copy.attachedTo = mentions.get(original.attachedTo) as Percentage['attachedTo'];
  }
  for (const statement of part.confidence) result.confidence.push(moveStatement(statement, by));
  for (const span of part.rowDisclaimers) result.rowDisclaimers.push(shiftSpan(span, by.offset));
  return result;
}

function moveStatement(statement: ConfidenceStatement, by: Shift): ConfidenceStatement {
  return {
    ...statement,
    span: shiftSpan(statement.span, by.offset),
    sentence: statement.sentence + by.sentence,
    levels: statement.levels.map((level) => ({ ...level, span: shiftSpan(level.span, by.offset) })),
  };
}
