/**
 * Checking an edit that moves text without changing what the document says: characters typed or
 * deleted inside a line of body text. The previous result is carried over with its positions
 * moved, once the edited line is shown, by the code the full check runs, to play the same part
 * before and after the edit:
 * - its chunk parses the same: the same line kinds, inline code and comments, and the document
 *   keeps its chunks (which decide what the parser declines);
 * - the estimative-language scan of its chunk, the actor matcher and the rules that read prose
 *   themselves (dates) find the same things in it;
 * - its shape is that of body text, before and after (no title line, lead-in, field, scenario
 *   header, bullet or confidence statement appears or goes);
 * - nothing the model holds as text stands on it: no header, field, judgment, actor position,
 *   preamble, front matter or sign-off line.
 * Then every model element, every finding and every other line is what a full check would give,
 * moved. Anything else (a line break, an edit to a heading, a field or a judgment, a word that
 * becomes a yardstick term or an actor, a new code span or comment) takes the full check.
 *
 * A property test compares this path with full checks of the same texts over random edits.
 */
import { chunkScan } from './estimative/scan.js';
import { QUOTE_LINE } from './estimative/tokens.js';
import { compareFindings, type Finding } from './findings.js';
import { actorMatcherFor, type LintResult } from './lint.js';
import { lineNestingDepth, MAX_DOCUMENT_LENGTH, MAX_NESTING_DEPTH } from './limits.js';
import { bodyLineShape, closingRegionStart, opensPositionBlock } from './model/extract.js';
import { readLineSyntax } from './model/lineSyntax.js';
import type { Assessment } from './model/types.js';
import { movedEnd, movedFinding, movedModel, movedSpan, movedStart, type Move } from './move.js';
import type { ChunkParse, ClassifiedLine, Comment, IncrementalParser, ParsedChunk, ParsedDocument } from './parse.js';
import { lineSegments } from './prose.js';
import { RULES } from './rules/index.js';
import type { ProseFact } from './rules/rule.js';
import type { Schema } from './schema/types.js';
import { detached, firstStartingAt, SourceText, type Range, type Span } from './text.js';

/** A change as editors send it: a range of the text before the change, and the text that replaces it. */
export interface DocumentChange {
  range: Range;
  text: string;
}

export interface ChangeOptions {
  /** The schema the previous result was checked with. */
  schema: Schema;
  /** The document's parser, which parsed the previous result. */
  parser: IncrementalParser;
}

/**
 * The result for the text after `changes` (applied in order to the previous result's text), or
 * undefined when a change may alter more than positions and the document must be checked in full.
 */
export function lintChanges(previous: LintResult, changes: readonly DocumentChange[], text: string, options: ChangeOptions): LintResult | undefined {
  // A document grown past the limit is declined by the full check (see limits.ts).
  if (text.length > MAX_DOCUMENT_LENGTH) return undefined;
  let state = initialState(previous);
  for (const change of changes) {
    if (!state) return undefined;
    state = applyChange(state, change, options);
  }
  return state && finish(state, text);
}

/** What a check carries across edits: the model as last extracted, the moves since, and which lines it holds as text. */
interface Carried {
  model: Assessment;
  moves: readonly Move[];
  /** 1 for a line the model holds as text, or where the sign-off is looked for. */
  textLines: Uint8Array;
  /** Lines before this one may be front matter. */
  firstEditable: number;
}

interface EditState {
  lines: ClassifiedLine[];
  chunks: ParsedChunk[];
  nonProse: Span[];
  comments: Comment[];
  frontMatter: ParsedDocument['frontMatter'];
  derived: WeakMap<object, unknown>;
  /** The previous result's findings, moved through `moves` once the last change is in. */
  findings: Finding[];
  /** The moves of the changes applied so far. */
  moves: readonly Move[];
  carried: Carried;
}

const carriedBy = new WeakMap<LintResult, Carried>();

function initialState(previous: LintResult): EditState | undefined {
  const { parsed } = previous;
  if (parsed.declined || !parsed.chunks || !parsed.derived) return undefined;
  let carried = carriedBy.get(previous);
  if (!carried) {
    carried = { model: previous.model, moves: [], textLines: textLines(previous.model, parsed), firstEditable: firstEditableLine(parsed.lines) };
    carriedBy.set(previous, carried);
  }
  return {
    lines: parsed.lines,
    chunks: parsed.chunks,
    nonProse: parsed.nonProse,
    comments: parsed.comments,
    frontMatter: parsed.frontMatter,
    derived: parsed.derived,
    findings: previous.findings,
    moves: [],
    carried,
  };
}

const LINE_BREAK = /[\r\n]/;

/**
 * Edits carried over since the last full check, at most: each adds a move that the model's spans go
 * through when it is read, and a chunk's parse and scan to the caches that the next full check prunes.
 */
const MAX_MOVES = 64;

function applyChange(state: EditState, change: DocumentChange, { schema, parser }: ChangeOptions): EditState | undefined {
  if (state.carried.moves.length >= MAX_MOVES) return undefined;
  const { range, text: inserted } = change;
  // NUL makes a document binary (see limits.ts): the full check says so.
  if (range.start.line !== range.end.line || LINE_BREAK.test(inserted) || inserted.includes('\u0000')) return undefined;
  const index = range.start.line;
  const line = state.lines[index];
  if (!line || line.kind !== 'text' || state.carried.textLines[index] === 1 || index < state.carried.firstEditable) return undefined;
  const from = range.start.character;
  const to = range.end.character;
  if (from > to || to > line.text.length) return undefined;
  if (from === to && inserted === '') return state;
  // The line's first character and block prefix stay: no marker, fence or HTML block can start.
  if (from <= readLineSyntax(line.text).contentStart) return undefined;
  const lineText = detached(line.text.slice(0, from) + inserted + line.text.slice(to));
  const shape = bodyLineShape(line.text, schema);
  if (shape === undefined || shape !== bodyLineShape(lineText, schema) || lineNestingDepth(lineText) > MAX_NESTING_DEPTH) return undefined;

  // The last chunk that starts at or before the line.
  const chunkIndex = firstStartingAt(state.chunks, index + 1, (chunk) => chunk.firstLine) - 1;
  const chunk = state.chunks[chunkIndex]!;
  if (chunk.parse.openEnded) return undefined;
  // Whether a quote quotes someone is decided by its first and last lines, across chunks: no quote in the chunk.
  for (let other = chunk.firstLine; other < chunk.endLine; other++) if (QUOTE_LINE.test(state.lines[other]!.text)) return undefined;
  const delta = inserted.length - (to - from);
  if (!parser.keepsChunks(state.lines, chunk, index, lineText, delta)) return undefined;
  const move: Move = { at: line.start + from, end: line.start + to, length: inserted.length, lineEnd: line.end };
  const inChunk = relativeMove(move, chunk.offset);
  const chunkText = detached(chunk.text.slice(0, inChunk.at) + inserted + chunk.text.slice(inChunk.end));
  const parse = parser.chunkParse(chunkText, chunk.firstLine === 0);
  if (!parse || !sameParse(chunk.parse, parse, inChunk)) return undefined;
  const edited: ParsedChunk = { ...chunk, endOffset: chunk.endOffset + delta, text: chunkText, parse };

  const before = chunkScan(state.derived, schema, chunk);
  const after = chunkScan(state.derived, schema, edited);
  // Token and sentence numbers only order the mentions of one chunk: a word or sentence more moves those of later chunks alike.
  if (!same(before.scan, after.scan, inChunk, TOKEN_NUMBERS)) return undefined;

  const inLine = relativeMove(move, line.start);
  const lineStart = line.start - chunk.offset;
  const nonProseBefore = spansOnLine(chunk.parse.nonProse, lineStart, lineStart + line.text.length);
  const nonProseAfter = spansOnLine(parse.nonProse, lineStart, lineStart + lineText.length);
  const factsBefore = lineFacts(line.text, nonProseBefore, schema);
  const factsAfter = lineFacts(lineText, nonProseAfter, schema);
  if (factsBefore === undefined || factsAfter === undefined || !same(factsBefore, factsAfter, inLine)) return undefined;

  const moveOne = (span: Span) => movedSpan(span, [move]);
  const moved = <T extends { span: Span }>(item: T): T => {
    const span = moveOne(item.span);
    return span === item.span ? item : { ...item, span };
  };
  return {
    lines: movedLines(state.lines, index, lineText, delta),
    chunks: state.chunks.map((each, at) => (at < chunkIndex ? each : at === chunkIndex ? edited : { ...each, offset: each.offset + delta, endOffset: each.endOffset + delta })),
    nonProse: state.nonProse.map(moveOne),
    comments: state.comments.map(moved),
    frontMatter: state.frontMatter,
    derived: state.derived,
    findings: state.findings,
    moves: [...state.moves, move],
    carried: { ...state.carried, moves: [...state.carried.moves, move] },
  };
}

/** The result once every change is in: ranges read from the new lines, the model moved when first asked for. */
function finish(state: EditState, text: string): LintResult {
  const source = SourceText.withLines(text, state.lines);
  const parsed: ParsedDocument = { source, lines: state.lines, nonProse: state.nonProse, comments: state.comments, chunks: state.chunks, derived: state.derived };
  if (state.frontMatter) parsed.frontMatter = state.frontMatter;
  const findings = state.findings.map((finding) => movedFinding(finding, state.moves, source)).sort(compareFindings);
  const result = new MovedResult(parsed, findings, state.carried);
  carriedBy.set(result, state.carried);
  return result;
}

/** A result carried across edits; its model is moved only when something asks for it. */
class MovedResult implements LintResult {
  private moved: Assessment | undefined;

  constructor(
    readonly parsed: ParsedDocument,
    readonly findings: Finding[],
    private readonly carried: Carried,
  ) {}

  get model(): Assessment {
    this.moved ??= movedModel(this.carried.model, this.carried.moves);
    return this.moved;
  }
}

function movedLines(lines: readonly ClassifiedLine[], edited: number, text: string, delta: number): ClassifiedLine[] {
  const moved = new Array<ClassifiedLine>(lines.length);
  for (let index = 0; index < edited; index++) moved[index] = lines[index]!;
  const line = lines[edited]!;
  moved[edited] = { index: edited, start: line.start, end: line.end + delta, text, kind: line.kind, depth: line.depth };
  for (let index = edited + 1; index < lines.length; index++) {
    const after = lines[index]!;
    // The same shape as the parser's lines (see `newLine` in text.ts).
    moved[index] = { index, start: after.start + delta, end: after.end + delta, text: after.text, kind: after.kind, depth: after.depth };
  }
  return moved;
}

/**
 * What the actor matcher and the prose-reading rules find on a line, in the line's coordinates;
 * undefined when the line opens an actor's position block (its label is text the model holds).
 */
function lineFacts(text: string, nonProse: readonly Span[], schema: Schema): ProseFact[] | undefined {
  const facts: ProseFact[] = [];
  for (const match of actorMatcherFor(schema).match(text)) {
    if (nonProse.some((code) => code.start < match.end && match.start < code.end)) continue;
    if (opensPositionBlock(text, match.start)) return undefined;
    facts.push({ span: { start: match.start, end: match.end }, detail: `actor|${match.actor}|${text.slice(match.start, match.end)}` });
  }
  for (const segment of lineSegments({ index: 0, start: 0, end: text.length, text }, nonProse)) {
    for (const rule of RULES) {
      for (const fact of rule.proseFacts?.(segment.text) ?? []) {
        facts.push({ span: { start: segment.start + fact.span.start, end: segment.start + fact.span.end }, detail: `${rule.id}|${fact.detail}` });
      }
    }
  }
  return facts;
}

/** The spans of `spans` (in a chunk's coordinates) that touch the line `[start, end)`, in the line's coordinates. */
function spansOnLine(spans: readonly Span[], start: number, end: number): Span[] {
  return spans.filter((span) => span.start < end && span.end > start).map((span) => ({ start: span.start - start, end: span.end - start }));
}

function relativeMove(move: Move, origin: number): Move {
  return { at: move.at - origin, end: move.end - origin, length: move.length, lineEnd: move.lineEnd - origin };
}

function sameParse(before: ChunkParse, after: ChunkParse, move: Move): boolean {
  if (after.openEnded || before.kinds.length !== after.kinds.length || before.depths.size !== after.depths.size) return false;
  for (let line = 0; line < before.kinds.length; line++) if (before.kinds[line] !== after.kinds[line]) return false;
  for (const [line, depth] of before.depths) if (after.depths.get(line) !== depth) return false;
  return same(before.nonProse, after.nonProse, move) && same(before.comments, after.comments, move) && same(before.frontMatter, after.frontMatter, move);
}

/**
 * Whether two values found before and after a move are the same but for the move: spans (objects
 * of exactly `start` and `end`) compare moved, everything else by value (shared objects, such as
 * yardstick terms, by identity first).
 */
function same(before: unknown, after: unknown, move: Move, ignored: ReadonlySet<string> = NOTHING, seen = new Map<object, unknown>()): boolean {
  if (before === after) return true;
  if (typeof before !== 'object' || typeof after !== 'object' || before === null || after === null) return false;
  if (seen.get(before) === after) return true;
  seen.set(before, after);
  if (Array.isArray(before)) {
    if (!Array.isArray(after) || before.length !== after.length) return false;
    return before.every((item, index) => same(item, after[index], move, ignored, seen));
  }
  if (isSpan(before)) return isSpan(after) && movedStart(before.start, move) === after.start && movedEnd(before.end, move) === after.end;
  const keys = Object.keys(before);
  if (keys.length !== Object.keys(after).length) return false;
  return keys.every((key) => ignored.has(key) || (key in after && same((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], move, ignored, seen)));
}

const NOTHING: ReadonlySet<string> = new Set();
const TOKEN_NUMBERS: ReadonlySet<string> = new Set(['firstToken', 'lastToken']);

function isSpan(value: object): value is Span {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as Span).start === 'number' && typeof (value as Span).end === 'number';
}

/**
 * The lines an edit may not touch without a full check, because the model holds their text or
 * reads it as a whole: the preamble (question, author), headers, sub-block titles, scenario
 * headers, fields with their continuation lines, judgments, actor positions, and the closing
 * lines where the sign-off is looked for.
 */
function textLines(model: Assessment, parsed: ParsedDocument): Uint8Array {
  const marks = new Uint8Array(parsed.lines.length);
  const lineOf = (offset: number) => parsed.source.positionAt(offset).line;
  const mark = (first: number, last = first) => marks.fill(1, first, last + 1);
  mark(0, (model.sections.length > 0 ? model.preamble.lines.end : parsed.lines.length) - 1);
  if (model.title) mark(model.title.line);
  for (const section of model.sections) {
    mark(section.header.line);
    for (const child of section.children) mark(child.line);
  }
  for (const heading of model.unknownHeadings) mark(heading.line);
  for (const scenario of model.scenarios) {
    mark(scenario.header.line);
    for (const field of scenario.fields) mark(field.line, lineOf(Math.max(field.span.end, field.valueSpan.end)));
  }
  for (const judgment of model.judgments) mark(judgment.line, lineOf(judgment.span.end));
  for (const actor of model.actors) for (const position of actor.positions) mark(position.line);
  const signOffLine = model.signOff?.line ?? model.signOffCandidate?.line;
  if (signOffLine !== undefined) mark(signOffLine, parsed.lines.length - 1);
  // Without a sign-off, the last lines may become one (a definition at the very end too, once it is
  // no longer one); a sign-off is read from its own lines alone.
  if (!model.signOff) mark(closingRegionStart(parsed.lines, 2), parsed.lines.length - 1);
  return marks;
}

/** The first line past where front matter may stand (0 when the document does not open with `---`). */
function firstEditableLine(lines: readonly ClassifiedLine[]): number {
  if (!lines[0]?.text.startsWith('---')) return 0;
  const closing = lines.findIndex((line, index) => index > 0 && line.text.startsWith('---'));
  return closing === -1 ? lines.length : closing + 1;
}
