/**
 * A word trie of every phrase the estimative scan knows, walked over the prose tokens: at each
 * word it finds the longest phrase starting there, so “highly unlikely” wins over “unlikely” and
 * “almost certainly” is taken once. Words match case-insensitively; phrase words may be joined
 * by white space (or, for yardstick terms, a hyphen: “almost-certain defeat”), never across
 * punctuation, quotation marks, inline code or a sentence end.
 */
import type { ProseTokens } from './tokens.js';
import type { AbsoluteWording, ProbabilityWording } from './wordings.js';
import type { Yardstick, YardstickTerm } from './yardsticks.js';

export type PhraseEntry =
  | { kind: 'term'; yardstick: Yardstick; term: YardstickTerm }
  | { kind: 'wording'; wording: ProbabilityWording }
  | { kind: 'absolute'; wording: AbsoluteWording };

type Joint = 'space' | 'hyphen';

interface TrieNode {
  children: Map<string, TrieNode>;
  /** How this node's word must be joined to the previous one; undefined: either way. */
  joint?: Joint;
  entry?: PhraseEntry;
}

export interface PhraseMatch {
  entry: PhraseEntry;
  /** Index of the phrase's last token. */
  last: number;
}

export class PhraseTrie {
  private readonly root: TrieNode = { children: new Map() };

  /** Adds a phrase unless one with the same words is there already (earlier entries win). */
  add(phrase: string, entry: PhraseEntry, strictJoints: boolean): void {
    const parts = phrase.toLowerCase().split(/(\s+|-)/).filter((part) => part !== '');
    let node = this.root;
    let joint: Joint | undefined;
    for (const part of parts) {
      if (part === '-' || /^\s+$/.test(part)) {
        joint = part === '-' ? 'hyphen' : 'space';
        continue;
      }
      let child = node.children.get(part);
      if (!child) {
        child = { children: new Map() };
        if (strictJoints && joint) child.joint = joint;
        node.children.set(part, child);
      }
      node = child;
    }
    node.entry ??= entry;
  }

  /** The longest phrase starting at the word token `index`. */
  longestAt(tokens: ProseTokens, index: number): PhraseMatch | undefined {
    let node = this.root.children.get(tokens.norm(index));
    let best: PhraseMatch | undefined = node?.entry ? { entry: node.entry, last: index } : undefined;
    let position = index;
    while (node && node.children.size > 0) {
      const next = nextWord(tokens, position);
      if (!next) break;
      const child = node.children.get(tokens.norm(next.index));
      if (!child || (child.joint && child.joint !== next.joint)) break;
      node = child;
      position = next.index;
      if (node.entry) best = { entry: node.entry, last: position };
    }
    return best;
  }
}

/**
 * The word after the token `index` when the two belong to one phrase: same sentence and
 * segment, neither quoted, joined by white space or a single hyphen.
 */
export function nextWord(tokens: ProseTokens, index: number): { index: number; joint: Joint } | undefined {
  if (!sameRun(tokens, index, index + 1)) return undefined;
  if (tokens.isWord(index + 1)) return { index: index + 1, joint: 'space' };
  if (isHyphen(tokens, index + 1) && tokens.start(index + 1) === tokens.end(index) && tokens.isWord(index + 2) && tokens.start(index + 2) === tokens.end(index + 1) && sameRun(tokens, index + 1, index + 2)) {
    return { index: index + 2, joint: 'hyphen' };
  }
  return undefined;
}

/** The word before the token `index` in the same sentence and segment (joined by space or hyphen). */
export function previousWord(tokens: ProseTokens, index: number): number | undefined {
  if (!sameRun(tokens, index - 1, index)) return undefined;
  if (tokens.isWord(index - 1)) return index - 1;
  if (isHyphen(tokens, index - 1) && tokens.end(index - 1) === tokens.start(index) && tokens.isWord(index - 2) && tokens.end(index - 2) === tokens.start(index - 1) && sameRun(tokens, index - 2, index - 1)) return index - 2;
  return undefined;
}

export function isHyphen(tokens: ProseTokens, index: number): boolean {
  const norm = tokens.norm(index);
  return tokens.kind(index) === 'symbol' && (norm === '-' || norm === '‐' || norm === '‑');
}

/** Whether two tokens belong to one sentence and prose segment, neither quoted. */
export function sameRun(tokens: ProseTokens, a: number, b: number): boolean {
  return a >= 0 && b < tokens.count && tokens.sentence(a) === tokens.sentence(b) && tokens.segment(a) === tokens.segment(b) && !tokens.quoted(a) && !tokens.quoted(b);
}
