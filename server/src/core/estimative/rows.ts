/**
 * ICD 203's two rows of terms (§D.6.e(2)(a)): which row a document mostly uses, and the
 * counterpart of a term in the other row where it can replace the term in place without
 * changing the sentence (“probably” → “likely”, but not “unlikely to” → “improbable to”).
 */
import type { EstimativeScan, TermMention } from './scan.js';

const TO_ROW_1: Record<string, string> = {
  'probable': 'likely',
  'probably': 'likely',
  'highly probable': 'very likely',
  'improbable': 'unlikely',
  'highly improbable': 'very unlikely',
  'roughly even odds': 'roughly even chance',
  'nearly certain': 'almost certain',
};

const TO_ROW_2: Record<string, string> = {
  'very unlikely': 'highly improbable',
  'unlikely': 'improbable',
  'roughly even chance': 'roughly even odds',
  'roughly even chances': 'roughly even odds',
  'very likely': 'highly probable',
  'almost certain': 'nearly certain',
};

// “will likely attend” → “will probably attend”; “is likely” → “is probable”.
const MODALS = new Set(['will', 'would', 'could', 'should', 'might', 'may', 'can', 'must', 'shall', 'did', 'does', 'do']);
const ADJECTIVE_CONTEXTS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'seems', 'seem', 'appears', 'appear', 'remains', 'remain', 'a', 'an', 'the']);

/** Terms of the configured ICD 203 yardstick by row. */
export function termsByRow(scan: EstimativeScan): { 1: TermMention[]; 2: TermMention[] } {
  const rows: { 1: TermMention[]; 2: TermMention[] } = { 1: [], 2: [] };
  for (const mention of scan.mentions) if (mention.kind === 'term' && mention.term.row) rows[mention.term.row].push(mention);
  return rows;
}

/** The row a document mostly uses (row 1 on a tie, as the directive lists it first). */
export function dominantRow(scan: EstimativeScan): 1 | 2 {
  const rows = termsByRow(scan);
  return rows[2].length > rows[1].length ? 2 : 1;
}

/** The other row's wording for a term, when it reads correctly in the same place. */
export function rowCounterpart(mention: TermMention, row: 1 | 2): string | undefined {
  const form = mention.text.toLowerCase().replace(/[\s\-‐‑]+/g, ' ');
  if (row === 1) return TO_ROW_1[form];
  if (form === 'likely') {
    if (mention.wordBefore && MODALS.has(mention.wordBefore)) return 'probably';
    if (mention.wordAfter === 'to' || !mention.wordBefore || !ADJECTIVE_CONTEXTS.has(mention.wordBefore)) return undefined;
    return 'probable';
  }
  const counterpart = TO_ROW_2[form];
  // The row-2 adjectives take no infinitive: “unlikely to resolve” has no “improbable to resolve”.
  return counterpart && mention.wordAfter !== 'to' ? counterpart : undefined;
}
