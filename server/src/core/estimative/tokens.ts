/**
 * The prose of a document as one stream of tokens (words, numbers, symbols), each with its
 * sentence and whether it is quoted. Sentences run across the soft-wrapped lines of a paragraph;
 * a line break ends one when the line before ends a sentence or either line is a list item,
 * heading or title line. A dot after an abbreviation ends one only when a word that opens
 * sentences follows (“with the U.S. We assess …”, not “the U.S. Navy”). Quoted text is someone
 * else's words: text in quotation marks, and blockquotes that are quotations (opening with a
 * quotation mark or closing with an attribution).
 *
 * A large document has hundreds of thousands of tokens, so they are kept in typed columns rather
 * than one object each.
 */
import { startsWithSymbol } from '../model/headerText.js';
import { readLineSyntax } from '../model/lineSyntax.js';
import type { ClassifiedLine, ParsedDocument } from '../parse.js';
import { proseSegments } from '../prose.js';
import { withoutTrailingHtmlComment } from '../text.js';

export type TokenKind = 'word' | 'number' | 'symbol';

const WORD = 1;
const NUMBER = 2;
const SYMBOL = 3;
const KINDS: readonly (TokenKind | undefined)[] = [undefined, 'word', 'number', 'symbol'];
const QUOTED = 1;
const STARTS_LINE = 2;

const SENTENCE_END = new Set(['.', '!', '?', '…']);
// Closing marks that stay with the sentence they follow: `likely.”` `(85%).`
const CLOSERS = new Set(['”', '"', '’', "'", ')', ']', '*', '_', '»']);
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'vs', 'no', 'nos', 'approx', 'est', 'gen', 'col', 'lt', 'sen', 'rep', 'gov', 'govt', 'inc', 'corp', 'ltd', 'co',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'cf', 'al', 'fig', 'para', 'art', 'sec', 'ch', 'vol', 'pp',
]);
// Abbreviations that may close a sentence (“… a deal with Acme Inc.”); the others introduce what follows.
const CLOSING_ABBREVIATIONS = new Set(['inc', 'corp', 'ltd', 'co', 'govt', 'al']);
// Capitalised after an abbreviation that may close a sentence, these open the next one: “with the U.S. We …”,
// while “the U.S. Navy”, “U.S. officials” and “10 a.m. Monday” run on.
const SENTENCE_OPENERS = new Set([
  'we', 'our', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'they', 'their', 'he', 'she', 'his', 'there', 'a', 'an', 'in', 'on', 'at', 'by',
  'for', 'as', 'so', 'but', 'yet', 'however', 'if', 'while', 'when', 'although', 'though', 'since', 'after', 'before', 'both', 'neither', 'either',
  'such', 'some', 'most', 'many', 'each', 'all', 'moreover', 'meanwhile', 'nevertheless', 'still', 'thus', 'instead', 'despite', 'what', 'how',
]);
const HEADING_MARKS = /^\s{0,3}#{1,6}(?:[ \t]+|$)/;
const TITLE_NUMBERING = /^(?:\d{1,3}|[A-Za-z])[.)]\s/;
const LETTER = /[\p{L}\p{M}]/u;
const SPACE = /\s/u;

/** The token stream; token `i` is read through the accessors. Out-of-range indices read as nothing. */
export class ProseTokens {
  count = 0;
  /** Sentences numbered, with or without tokens (the next text's sentences are numbered after them). */
  sentenceCount = 0;
  private kinds = new Uint8Array(1024);
  private flags = new Uint8Array(1024);
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private lines = new Int32Array(1024);
  private sentences = new Int32Array(1024);
  private segments = new Int32Array(1024);
  private readonly norms: string[] = [];

  kind(index: number): TokenKind | undefined {
    return this.has(index) ? KINDS[this.kinds[index]!] : undefined;
  }

  isWord(index: number): boolean {
    return this.has(index) && this.kinds[index] === WORD;
  }

  /** Words in lower case with straight apostrophes; numbers and symbols as written; '' out of range. */
  norm(index: number): string {
    return this.norms[index] ?? '';
  }

  start(index: number): number {
    return this.has(index) ? this.starts[index]! : -1;
  }

  end(index: number): number {
    return this.has(index) ? this.ends[index]! : -1;
  }

  line(index: number): number {
    return this.has(index) ? this.lines[index]! : -1;
  }

  sentence(index: number): number {
    return this.has(index) ? this.sentences[index]! : -1;
  }

  /** Tokens of different prose segments are separated by inline code, inline HTML or a URL. */
  segment(index: number): number {
    return this.has(index) ? this.segments[index]! : -1;
  }

  quoted(index: number): boolean {
    return this.has(index) && (this.flags[index]! & QUOTED) !== 0;
  }

  /** The first word of its line (where a scenario label stands). */
  startsLine(index: number): boolean {
    return this.has(index) && (this.flags[index]! & STARTS_LINE) !== 0;
  }

  private has(index: number): boolean {
    return index >= 0 && index < this.count;
  }

  push(kind: number, start: number, end: number, norm: string, line: number, sentence: number, segment: number, flags: number): void {
    if (this.count === this.kinds.length) this.grow();
    const index = this.count++;
    this.kinds[index] = kind;
    this.starts[index] = start;
    this.ends[index] = end;
    this.lines[index] = line;
    this.sentences[index] = sentence;
    this.segments[index] = segment;
    this.flags[index] = flags;
    this.norms.push(norm);
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const grown = <T extends Uint8Array | Int32Array>(array: T, make: (size: number) => T): T => {
      const bigger = make(size);
      bigger.set(array);
      return bigger;
    };
    this.kinds = grown(this.kinds, (n) => new Uint8Array(n));
    this.flags = grown(this.flags, (n) => new Uint8Array(n));
    this.starts = grown(this.starts, (n) => new Int32Array(n));
    this.ends = grown(this.ends, (n) => new Int32Array(n));
    this.lines = grown(this.lines, (n) => new Int32Array(n));
    this.sentences = grown(this.sentences, (n) => new Int32Array(n));
    this.segments = grown(this.segments, (n) => new Int32Array(n));
  }
}

/** `quotationLines`: the lines of blockquotes that quote someone, when the caller knows them better (see `quotationBlockquoteLines`). */
export function tokenizeProse(parsed: ParsedDocument, quotationLines: ReadonlySet<number> = quotationBlockquoteLines(parsed.lines)): ProseTokens {
  const text = parsed.source.text;
  const tokens = new ProseTokens();
  let sentence = -1;
  let segmentIndex = -1;
  let previousLine: ClassifiedLine | undefined;
  let previousBreaks = true;
  let sentenceEndPending = false;
  // After an abbreviation that may close the sentence: it does when a sentence opener follows.
  let abbreviationEndPending = false;
  let doubleQuoted = false;
  let singleQuoted = false;
  let angleQuoted = false;
  let straightQuoted = false;

  for (const segment of proseSegments(parsed)) {
    segmentIndex++;
    const line = parsed.lines[segment.line]!;
    const firstOfLine = previousLine !== line;
    let position = segment.start;
    if (firstOfLine) {
      const contentStart = line.kind === 'heading' ? (HEADING_MARKS.exec(line.text)?.[0].length ?? 0) : readLineSyntax(line.text).contentStart;
      position = Math.max(position, line.start + contentStart);
      const content = line.text.slice(contentStart);
      const continues = previousLine !== undefined && !previousBreaks && previousLine.index === line.index - 1 && !breaksBefore(line, content);
      if (!continues) {
        sentence++;
        sentenceEndPending = abbreviationEndPending = false;
        doubleQuoted = singleQuoted = angleQuoted = straightQuoted = false;
      }
      previousBreaks = breaksAfter(line, content);
      previousLine = line;
    }
    const lineFlags = quotationLines.has(line.index) ? QUOTED : 0;
    let firstWord = firstOfLine;
    const end = segment.start + segment.text.length;

    while (position < end) {
      const code = text.charCodeAt(position);
      const char = charAt(text, position);
      if (code <= 32 || (code >= 0x80 && SPACE.test(char))) {
        position += char.length;
        continue;
      }
      const start = position;
      let kind: number;
      if (isDigit(code)) {
        kind = NUMBER;
        position = numberEnd(text, position, end);
      } else if (isLetter(code, char)) {
        kind = WORD;
        position = wordEnd(text, position, end);
      } else {
        kind = SYMBOL;
        position += char.length;
      }
      const written = text.slice(start, position);
      const closes = kind === SYMBOL && CLOSERS.has(written) && tokens.end(tokens.count - 1) === start;
      if (sentenceEndPending && !closes) {
        sentenceEndPending = false;
        if (!/^\p{Ll}/u.test(written)) sentence++;
      }
      if (abbreviationEndPending && !closes) {
        abbreviationEndPending = false;
        if (kind === WORD && start > tokens.end(tokens.count - 1) && opensSentence(written)) sentence++;
      }
      if (kind === SYMBOL && written === '|' && line.kind === 'table') sentence++;

      // Quotation marks: the marks themselves count as quoted, so no phrase runs through them.
      let quoted: boolean = lineFlags !== 0 || doubleQuoted || singleQuoted || angleQuoted || straightQuoted;
      if (kind === SYMBOL) {
        const before = start > segment.start ? text[start - 1]! : ' ';
        const after = position < end ? text[position]! : ' ';
        if (written === '“') doubleQuoted = quoted = true;
        else if (written === '”') doubleQuoted = false;
        else if (written === '«') angleQuoted = quoted = true;
        else if (written === '»') angleQuoted = false;
        else if (written === '"') {
          straightQuoted = !straightQuoted;
          quoted = true;
        } else if ((written === '‘' || written === "'") && !isAlphanumeric(before) && (written === '‘' || isAlphanumeric(after))) singleQuoted = quoted = true;
        else if ((written === '’' || written === "'") && singleQuoted && !isAlphanumeric(after)) singleQuoted = false;
      }

      const norm = kind !== WORD ? written : written.includes('’') ? written.toLowerCase().replaceAll('’', "'") : written.toLowerCase();
      tokens.push(kind, start, position, norm, line.index, sentence, segmentIndex, (quoted ? QUOTED : 0) | (firstWord && kind === WORD ? STARTS_LINE : 0));
      if (kind === WORD) firstWord = false;
      if (kind === SYMBOL && SENTENCE_END.has(written)) {
        const role = dotRole(tokens, text, position, end);
        if (role === 'ends') sentenceEndPending = true;
        else if (role === 'may-end') abbreviationEndPending = true;
      }
    }
  }
  tokens.sentenceCount = sentence + 1;
  return tokens;
}

function charAt(text: string, position: number): string {
  const code = text.charCodeAt(position);
  return code >= 0xd800 && code <= 0xdbff && position + 1 < text.length ? text.slice(position, position + 2) : text[position]!;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number, char: string): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 0x80 && LETTER.test(char));
}

function isAlphanumeric(char: string): boolean {
  const code = char.charCodeAt(0);
  return isDigit(code) || isLetter(code, char);
}

/** A word: letters and digits, with apostrophes inside (`won't`, `Iran’s`). */
function wordEnd(text: string, position: number, end: number): number {
  let index = position;
  while (index < end) {
    const char = charAt(text, index);
    const code = char.charCodeAt(0);
    if (isLetter(code, char) || isDigit(code)) index += char.length;
    else if ((char === "'" || char === '’') && index + 1 < end && isLetter(text.charCodeAt(index + 1), charAt(text, index + 1))) index += 1;
    else break;
  }
  return index;
}

/** A number: digits, with decimal or thousands separators inside (`72.5`, `1,000`). */
function numberEnd(text: string, position: number, end: number): number {
  let index = position;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (isDigit(code)) index++;
    else if ((code === 46 || code === 44) && index + 1 < end && isDigit(text.charCodeAt(index + 1))) index++;
    else break;
  }
  return index;
}

/**
 * What the last token, a sentence-end mark, does: end the sentence; close an abbreviation that may
 * also end it (`U.S.`, `a.m.`, `Inc.`); or belong to one that never does, or to a number (`Mr.`,
 * `e.g.`, `approx.`, the first dot of `U.S.`).
 */
function dotRole(tokens: ProseTokens, text: string, after: number, end: number): 'ends' | 'may-end' | 'continues' {
  const dot = tokens.count - 1;
  if (tokens.norm(dot) !== '.') return 'ends';
  if (after < end && isAlphanumeric(charAt(text, after))) return 'continues';
  const word = dot - 1;
  if (!tokens.isWord(word) || tokens.end(word) !== tokens.start(dot)) return 'ends';
  if (tokens.end(word) - tokens.start(word) === 1) return isIntroducing(tokens, word) ? 'continues' : 'may-end';
  if (!ABBREVIATIONS.has(tokens.norm(word))) return 'ends';
  return CLOSING_ABBREVIATIONS.has(tokens.norm(word)) ? 'may-end' : 'continues';
}

/** `e.g.` and `i.e.`, whose one-letter last word is the token `word`: what follows is an example. */
function isIntroducing(tokens: ProseTokens, word: number): boolean {
  const dotted = `${tokens.norm(word - 2)}${tokens.norm(word - 1)}${tokens.norm(word)}`;
  return (dotted === 'e.g' || dotted === 'i.e') && tokens.end(word - 2) === tokens.start(word - 1) && tokens.end(word - 1) === tokens.start(word);
}

/** A sentence opener written as one: capitalised, not in capitals (“IT systems”). */
function opensSentence(written: string): boolean {
  return SENTENCE_OPENERS.has(written.toLowerCase()) && /^\p{Lu}(?:\p{Ll}|$)/u.test(written);
}

/** Whether a line starts something new: a list item, a heading, a title line, a table row. */
function breaksBefore(line: ClassifiedLine, content: string): boolean {
  if (line.kind !== 'text') return true;
  if (readLineSyntax(line.text).marker) return true;
  return startsWithSymbol(content) || TITLE_NUMBERING.test(content) || /^[*_]{2}/.test(content);
}

/** Whether a line ends whatever sentence it holds: a heading, a title line, or a sentence end. */
function breaksAfter(line: ClassifiedLine, content: string): boolean {
  if (line.kind !== 'text') return true;
  if (startsWithSymbol(content) || TITLE_NUMBERING.test(content)) return true;
  const trimmed = withoutTrailingHtmlComment(content).trimEnd();
  return trimmed === '' || /[.!?…:;)\]”"'’*_]$/u.test(trimmed);
}

/**
 * Lines of blockquotes that quote someone: the quote opens with a quotation mark or ends with
 * an attribution line (`— Foreign Minister`). Other blockquotes (call-outs) are the author's prose.
 */
/** A line of a block quote (at most three spaces before its `>`). */
export const QUOTE_LINE = /^\s{0,3}>/;

export function quotationBlockquoteLines(lines: readonly ClassifiedLine[]): Set<number> {
  const quoted = new Set<number>();
  let block: ClassifiedLine[] = [];
  const flush = () => {
    // Called after every line outside a quote: nothing to do (and no new array) when no quote is open.
    const first = block[0];
    const last = block[block.length - 1];
    if (!first || !last) return;
    const opening = blockquoteContent(first.text);
    const closing = blockquoteContent(last.text);
    if (/^[“"‘«]/.test(opening) || /^(?:[—―–~]|--)\s*\S/.test(closing)) for (const line of block) quoted.add(line.index);
    block = [];
  };
  for (const line of lines) {
    if (line.kind === 'text' && QUOTE_LINE.test(line.text)) block.push(line);
    else flush();
  }
  flush();
  return quoted;
}

function blockquoteContent(text: string): string {
  return text.replace(/^\s*(?:>\s?)+/, '').trim();
}
