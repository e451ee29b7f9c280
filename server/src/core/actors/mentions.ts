/**
 * Finding actor mentions in prose in one pass: words are read left to right and looked up in a
 * table of alias word sequences, longest first. Acronyms (US, U.S., UK) match case-sensitively;
 * other names must be capitalised as their alias is (so "turkey" the bird is not Turkey).
 * A possessive ('s, ’s) is part of the mention.
 */
import type { ActorSpec } from '../schema/types.js';
import { TextMemo } from '../textMemo.js';

export interface AliasMatch {
  actor: string;
  start: number;
  end: number;
}

interface AliasEntry {
  actor: string;
  words: string[];
  caseSensitive: boolean;
  /** Priority: schema actors win over the gazetteer for the same alias. */
  rank: number;
}

const WORD = /[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}]|\.(?=[\p{L}])|[-'’](?=[\p{L}]))*\.?/gu;

/**
 * Words that make a place name part of the name of a text or a newspaper: the Ottawa Convention
 * (on landmines), the Paris Agreement, the Washington Post are not mentions of Canada, France or
 * the United States.
 */
const NAMED_AFTER = new Set(['Convention', 'Conventions', 'Agreement', 'Accord', 'Accords', 'Protocol', 'Treaty', 'Declaration', 'Communiqué', 'Consensus', 'Format', 'Process', 'Post', 'Times']);

/** Words that make “America(n)” another continent's: Latin American governments, Central American migrants. */
const REGION_BEFORE = new Set(['Latin', 'Central', 'South', 'North', 'Pan']);

export class ActorMatcher {
  private readonly byFirstWord = new Map<string, AliasEntry[]>();

  constructor(actorLists: ActorSpec[][]) {
    const seen = new Set<string>();
    actorLists.forEach((actors, rank) => {
      for (const actor of actors) {
        for (const alias of [actor.name, ...actor.aliases]) {
          const words = alias.match(WORD);
          if (!words) continue;
          const caseSensitive = isAcronym(alias);
          const key = (caseSensitive ? words.join(' ') : words.join(' ').toLowerCase());
          if (seen.has(key)) continue;
          seen.add(key);
          const first = caseSensitive ? words[0] : words[0].toLowerCase();
          const list = this.byFirstWord.get(stripDot(first)) ?? [];
          list.push({ actor: actor.name, words, caseSensitive, rank });
          this.byFirstWord.set(stripDot(first), list);
        }
      }
    });
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length || a.rank - b.rank);
  }

  /** Recent lines' matches: after a keystroke only the edited line is matched again. */
  private readonly lines = new TextMemo((text) => this.matchUncached(text));

  /** Mentions in `text`, offsets relative to `text`. */
  match(text: string): AliasMatch[] {
    return this.lines.get(text);
  }

  private matchUncached(text: string): AliasMatch[] {
    const tokens = readWords(text);
    const found: AliasMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const key = stripDot(stripPossessive(token.word));
      let matched = false;
      for (const entry of this.candidatesFor(key)) {
        const end = this.matchAt(entry, tokens, i, text);
        if (end === undefined) continue;
        const next = tokens[i + entry.words.length];
        const previous = tokens[i - 1];
        const namesSomethingElse =
          (next !== undefined && NAMED_AFTER.has(stripDot(next.word)) && /^\s+$/.test(text.slice(end, next.start))) ||
          (previous !== undefined && REGION_BEFORE.has(previous.word) && /^America/.test(token.word) && /^\s+$/.test(text.slice(previous.start + previous.word.length, token.start)));
        if (!namesSomethingElse) found.push({ actor: entry.actor, start: token.start, end });
        i += entry.words.length - 1;
        matched = true;
        break;
      }
      if (!matched && token.word.includes('-')) this.matchHyphenParts(token, found);
    }
    return found;
  }

  /**
   * The names inside a hyphenated compound that is no name itself: `China-Russia`, `Iran-backed`,
   * `US-brokered`, `Turkish-Syrian` (`Guinea-Bissau` is matched whole before this).
   */
  private matchHyphenParts(token: Token, found: AliasMatch[]): void {
    let offset = 0;
    for (const part of token.word.split('-')) {
      const start = token.start + offset;
      offset += part.length + 1;
      const name = stripDot(stripPossessive(part));
      const entry = this.candidatesFor(name).find((candidate) => candidate.words.length === 1 && sameWord(candidate.words[0]!, name, candidate.caseSensitive));
      if (entry) found.push({ actor: entry.actor, start, end: start + part.length - (part.endsWith('.') ? 1 : 0) });
    }
  }

  /** The aliases whose first word is `key` as written (acronyms) or in lower case (names). */
  private candidatesFor(key: string): readonly AliasEntry[] {
    return this.byFirstWord.get(key) ?? this.byFirstWord.get(key.toLowerCase()) ?? [];
  }

  private matchAt(entry: AliasEntry, tokens: Token[], index: number, text: string): number | undefined {
    let end = 0;
    for (let k = 0; k < entry.words.length; k++) {
      const token = tokens[index + k];
      if (!token) return undefined;
      if (k > 0 && !/^\s+$/.test(text.slice(end, token.start))) return undefined;
      const isLast = k === entry.words.length - 1;
      const expected = entry.words[k]!;
      let written = isLast ? stripPossessive(token.word) : token.word;
      // A sentence-ending period is not part of the name unless the alias has one (U.S.).
      if (!expected.endsWith('.') && written.endsWith('.')) written = written.slice(0, -1);
      if (!sameWord(expected, written, entry.caseSensitive)) return undefined;
      end = token.start + (isLast ? token.word.length - (token.word.endsWith('.') && !expected.endsWith('.') ? 1 : 0) : token.word.length);
    }
    return end;
  }
}

interface Token {
  word: string;
  start: number;
}

/**
 * The words of a line and where each starts. `match` lists them without a match object per word;
 * each is then found from where the last one ended: nothing between two words can start a word.
 */
function readWords(text: string): Token[] {
  const words = text.match(WORD);
  if (!words) return [];
  const tokens = new Array<Token>(words.length);
  let from = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const start = text.indexOf(word, from);
    tokens[i] = { word, start };
    from = start + word.length;
  }
  return tokens;
}

function sameWord(alias: string, written: string, caseSensitive: boolean): boolean {
  // Chat exports curl their apostrophes: “Côte d’Ivoire” is “Côte d'Ivoire”.
  if (written.includes('’')) written = written.replaceAll('’', "'");
  if (caseSensitive) return alias === written;
  if (alias.toLowerCase() !== written.toLowerCase()) return false;
  // Capitalised names must be written capitalised.
  const aliasFirst = alias.charAt(0);
  return aliasFirst.toLowerCase() === aliasFirst || written.charAt(0) === written.charAt(0).toUpperCase();
}

function isAcronym(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  return letters.length <= 4 && letters === letters.toUpperCase() && letters.length >= 2;
}

function stripPossessive(word: string): string {
  return word.endsWith("'s") || word.endsWith('’s') ? word.slice(0, -2) : word;
}

function stripDot(word: string): string {
  return word.endsWith('.') ? word.slice(0, -1) : word;
}
