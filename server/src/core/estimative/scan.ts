/**
 * The estimative scan: one pass over the prose tokens that finds every probability phrase
 * (yardstick terms, other scales' terms, wordings outside any yardstick, absolute wording),
 * every probability percentage, and every confidence statement. Rules, the model annotation and
 * editor features all read the same scan, computed once per parsed document and schema.
 *
 * Negation: a phrase with a negation before it (“not likely”, “isn't very likely”, “not
 * necessarily impossible”) is not a use of the phrase and is skipped. A negation after a term
 * (“almost certainly not”, “will probably not”) keeps the term: it rates the event's not
 * happening, so its effective band is the complement (“probably not”: 20–45% under ICD 203).
 * Comparatives (“more likely”, “most likely”, “as likely”) rank outcomes against each other and
 * state no probability: they are skipped too, as are the schema's scenario labels at the start
 * of a line (“Most Likely (Short Term): …”).
 */
import type { ChunkParse, ParsedDocument } from '../parse.js';
import type { Schema } from '../schema/types.js';
import { normaliseName } from '../model/headerText.js';
import type { Span } from '../text.js';
import { PhraseTrie, isHyphen, nextWord, previousWord, sameRun, type PhraseEntry } from './phrases.js';
import { scanByChunks, scanOfChunk, type PartScan } from './chunks.js';
import { tokenizeProse, type ProseTokens } from './tokens.js';
import { ABSOLUTE_WORDINGS, EPISTEMIC_VERBS, GIVING_VERBS, PROBABILITY_WORDINGS, type AbsoluteWording, type ProbabilityWording } from './wordings.js';
import { BUILTIN_YARDSTICKS, complementBand, yardstickFor, type Band, type Yardstick, type YardstickTerm } from './yardsticks.js';

interface MentionBase {
  span: Span;
  /** The phrase as written. */
  text: string;
  sentence: number;
  /** Index of the first and last token, for neighbours. */
  firstToken: number;
  lastToken: number;
  /** The words right before and after the phrase in its sentence (lower case), for fixes that must read well in place. */
  wordBefore?: string;
  wordAfter?: string;
}

/** A yardstick term: of the configured yardstick (`term`) or only of another one (`other-scale`). */
export interface TermMention extends MentionBase {
  kind: 'term' | 'other-scale';
  term: YardstickTerm;
  yardstick: Yardstick;
  /** Followed by a negation (“probably not”): the term rates the event's not happening. */
  eventNegated: boolean;
  /** The band the sentence gives the event: the term's band, or its complement when negated. */
  effectiveBand: Band;
  /** A percentage written with the term (“likely (85%)”). */
  percentage?: Percentage;
}

export interface WordingMention extends MentionBase {
  kind: 'wording';
  wording: ProbabilityWording;
  percentage?: Percentage;
}

export interface AbsoluteMention extends MentionBase {
  kind: 'absolute';
  claims: AbsoluteWording['claims'];
}

export type EstimativeMention = TermMention | WordingMention | AbsoluteMention;

export interface Percentage {
  span: Span;
  text: string;
  band: Band;
  /** One value with no bound (“73%”, “~70%”), not a range or “<5%”. */
  point: boolean;
  /** Marked as approximate (“~70%”, “about 70 percent”). */
  approximate: boolean;
  /** A bound, not a value: “<5%”, “over 90 percent” (the band runs to 0 or to 100). */
  bounded: boolean;
  /** The unit as written, for replacements in the author's notation: `%`, ` percent`, ` per cent`. */
  unit: string;
  line: number;
  sentence: number;
  firstToken: number;
  lastToken: number;
  /** The term or wording it is written with, if any. */
  attachedTo?: TermMention | WordingMention;
}

export interface ConfidenceLevelWord {
  /** The level as written (“medium”, “very high”). */
  text: string;
  norm: string;
  span: Span;
}

export interface ConfidenceStatement {
  span: Span;
  text: string;
  levels: ConfidenceLevelWord[];
  sentence: number;
}

export interface EstimativeScan {
  yardstick: Yardstick;
  mentions: EstimativeMention[];
  /** Percentages that state a probability: written with a term, or next to chance/probability/odds words. */
  percentages: Percentage[];
  confidence: ConfidenceStatement[];
  /** Sentences that say ICD 203's two rows of terms mean the same probabilities. */
  rowDisclaimers: Span[];
}

const NEGATIONS = new Set(['not', 'never', 'no', 'hardly', 'scarcely', 'barely', 'neither', 'nor', 'cannot']);
// Words that may stand between a negation and the phrase it negates: “not necessarily likely”.
const NEGATION_BRIDGES = new Set([
  'a', 'an', 'be', 'been', 'being', 'seem', 'seems', 'seemed', 'appear', 'appears', 'appeared', 'look', 'looks', 'that', 'so', 'all', 'particularly',
  'especially', 'entirely', 'necessarily', 'terribly', 'overly', 'yet', 'considered', 'deemed', 'thought', 'now', 'really',
]);
const COMPARATIVES = new Set(['more', 'most', 'less', 'least', 'as', 'so', 'too', 'how', 'equally', 'increasingly']);
const AUXILIARIES = new Set(['will', 'would', 'do', 'does', 'did', 'is', 'are', 'was', 'were', 'can', 'could', 'should', 'has', 'have', 'had', 'be', 'to', 'may', 'might', 'must']);
const PROBABILITY_NOUNS = new Set(['chance', 'chances', 'probability', 'likelihood', 'odds', 'risk', 'possibility']);
const DISTANT_PROBABILITY_NOUNS = new Set(['chance', 'chances', 'probability', 'likelihood', 'odds']);
const PROBABILITY_FOLLOWERS = new Set([...PROBABILITY_NOUNS, 'likely', 'certain', 'certainty', 'sure']);
// Between “probability” and its percentage: “a probability of 70%”, “odds at about 70%”.
const PROBABILITY_LINKS = new Set(['of', 'at', 'is', 'was', 'be', 'put', 'estimated', 'stands', 'around', 'about', 'roughly', 'approximately', ':', '=', '~', '≈']);
const APPROXIMATE_MARKS = new Set(['~', '≈', 'about', 'around', 'roughly', 'approximately', 'approx', 'circa', 'some', 'nearly', 'almost']);
const LOWER_BOUND_MARKS = new Set(['>', '≥', 'over', 'above']);
const UPPER_BOUND_MARKS = new Set(['<', '≤', 'under', 'below']);
const RANGE_SEPARATORS = new Set(['–', '—', '-', 'to', 'and']);
const PERCENT_WORDS = new Set(['percent', 'pct']);
// After “a chance to”, words that are no verb: “a 70% chance to the upside” is no opportunity.
const NOT_VERBS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'it', 'them', 'some', 'any', 'all', 'each']);
// What analysts rate their confidence in: “confidence in this judgment”, “in these assessments”.
const JUDGMENT_WORDS = new Set(['judgment', 'judgments', 'judgement', 'judgements', 'assessment', 'assessments', 'analysis', 'estimate', 'estimates', 'conclusion', 'conclusions', 'findings', 'forecast', 'forecasts', 'view', 'views', 'call']);
// “Confidence in this is moderate”, “in these”, “in it”: the analysis, by a pronoun.
const PRONOUN_OBJECTS = new Set(['this', 'these', 'that', 'those', 'it', 'them']);
// Before “impossible”, words that report the past: “was impossible”, “made it impossible”.
const PAST_STATES = new Set(['was', 'were', 'made', 'proved', 'had', 'became']);
// What a percentage measures when it is no probability.
const QUANTITY_NOUNS = new Set([
  'inflation', 'turnout', 'rate', 'rates', 'growth', 'unemployment', 'share', 'shares', 'tariff', 'tariffs', 'gdp', 'price', 'prices', 'yield', 'yields',
  'vote', 'votes', 'support', 'approval', 'enrichment', 'purity', 'stake', 'interest', 'output', 'production', 'exports', 'imports', 'budget',
  'deficit', 'debt', 'capacity', 'occupancy', 'margin', 'wages', 'poll', 'polls', 'polling', 'participation', 'population', 'devaluation', 'discount',
]);
const PROBABILITY_LINE = /^(?:\*\*|__)?(?:likelihood|probability|chance|odds)(?:\*\*|__)?\s*:/i;

const CONFIDENCE_LEVELS = new Set(['high', 'moderate', 'medium', 'low']);
// Non-standard levels count only in the analyst's own voice (“we assess with fair confidence”),
// so that “Tehran has limited confidence in Washington” is not read as one.
const OTHER_CONFIDENCE_LEVELS = new Set(['strong', 'fair', 'reasonable', 'limited', 'modest', 'considerable']);
// The analyst's own voice, plural or, as a country agent writes, singular (“I have moderate confidence”).
const ANALYTIC_VOICE = new Set(['we', 'our', 'i', 'my', 'assess', 'assessed', 'judge', 'judged', 'estimate', 'estimated']);
// “Investors have low confidence in the rial”: confidence somebody holds, not the analyst's rating,
// unless the analyst is the one who has it (“we have moderate confidence in these judgments”).
const HOLDING_VERBS = new Set(['has', 'have', 'had', 'having', 'hold', 'holds', 'held', 'express', 'expresses', 'expressed', 'show', 'shows', 'showed', 'lack', 'lacks', 'lacked', 'retain', 'retains', 'retained', 'gained', 'lost']);
const CONFIDENCE_OWNERS = new Set(['our', 'my', 'analytic', 'analytical', 'overall', 'assessed']);
const CONFIDENCE_LINKS = new Set(['is', 'remains', 'was', 'are', 'stays', 'of', 'at', ':', '—', '–', '=']);

const DISCLAIMER_CUES = new Set(['interchangeably', 'interchangeable', 'synonymous', 'synonyms', 'equivalent', 'equivalently']);
// “the same probability”, “mean the same”.
const SAME_WHAT = new Set(['probability', 'probabilities', 'likelihood', 'meaning', 'band', 'bands']);
const MEAN_VERBS = new Set(['mean', 'means', 'denote', 'denotes', 'carry', 'carries', 'express', 'expresses']);
const DISCLAIMER_SUBJECTS = new Set([
  'term', 'terms', 'word', 'words', 'wording', 'wordings', 'language', 'phrase', 'phrases', 'likelihood', 'probability', 'probabilities', 'estimative', 'yardstick', 'row', 'rows',
  // The terms themselves: “we use ‘likely’ and ‘probably’ interchangeably”.
  'likely', 'unlikely', 'probable', 'probably', 'improbable', 'certain', 'chance', 'odds',
]);

const tries = new WeakMap<Yardstick, PhraseTrie>();
const scans = new WeakMap<ParsedDocument, Map<Schema, EstimativeScan>>();

/** The scan of a document under a schema's yardstick and labels, computed once per pair. */
export function estimativeScan(parsed: ParsedDocument, schema: Schema): EstimativeScan {
  let bySchema = scans.get(parsed);
  if (!bySchema) {
    bySchema = new Map();
    scans.set(parsed, bySchema);
  }
  let scan = bySchema.get(schema);
  if (!scan) {
    scan = parsed.derived && (parsed.chunks?.length ?? 0) > 1 ? scanByChunks(parsed, schema, scanPart) : new Scanner(parsed, schema).run();
    bySchema.set(schema, scan);
  }
  return scan;
}

/** The scan of one chunk of an edited document, that quotes no one (see `scanOfChunk`). */
export function chunkScan(derived: WeakMap<object, unknown>, schema: Schema, chunk: { text: string; firstLine: number; parse: ChunkParse }): PartScan {
  return scanOfChunk(derived, schema, chunk, scanPart);
}

function scanPart(part: ParsedDocument, schema: Schema, quotationLines: ReadonlySet<number>): PartScan {
  const scanner = new Scanner(part, schema, quotationLines);
  return { scan: scanner.run(), ...scanner.counts() };
}

/**
 * Every phrase, the configured yardstick's terms first: a phrase shared with another scale
 * (“likely”) is the configured term; one only another scale has (“realistic possibility”
 * under ICD 203) is that scale's.
 */
function trieFor(yardstick: Yardstick): PhraseTrie {
  let trie = tries.get(yardstick);
  if (!trie) {
    trie = new PhraseTrie();
    for (const scale of [yardstick, ...BUILTIN_YARDSTICKS.filter((other) => other !== yardstick)]) {
      for (const term of scale.terms) for (const form of term.forms) trie.add(form, { kind: 'term', yardstick: scale, term }, false);
    }
    for (const wording of ABSOLUTE_WORDINGS) trie.add(wording.phrase, { kind: 'absolute', wording }, true);
    for (const wording of PROBABILITY_WORDINGS) trie.add(wording.phrase, { kind: 'wording', wording }, true);
    tries.set(yardstick, trie);
  }
  return trie;
}

class Scanner {
  private readonly tokens: ProseTokens;
  private readonly yardstick: Yardstick;
  private readonly trie: PhraseTrie;
  private readonly labels: string[][];
  private readonly percentagesByFirstToken = new Map<number, Percentage>();
  private readonly percentagesByLastToken = new Map<number, Percentage>();
  private readonly source: string;

  constructor(
    private readonly parsed: ParsedDocument,
    schema: Schema,
    quotationLines?: ReadonlySet<number>,
  ) {
    this.tokens = tokenizeProse(parsed, quotationLines);
    this.yardstick = yardstickFor(schema);
    this.trie = trieFor(this.yardstick);
    this.labels = schema.scenarios.labels.map((label) => normaliseName(label).split(' ')).sort((a, b) => b.length - a.length);
    this.source = parsed.source.text;
  }

  /** How many tokens and sentences the text held. */
  counts(): { tokens: number; sentences: number } {
    const { tokens } = this;
    return { tokens: tokens.count, sentences: tokens.sentenceCount };
  }

  run(): EstimativeScan {
    this.readPercentages();
    const mentions = this.readPhrases();
    this.attachClosingPercentages(mentions);
    const percentages = this.probabilityPercentages(mentions);
    return {
      yardstick: this.yardstick,
      mentions,
      percentages,
      confidence: this.readConfidence(),
      rowDisclaimers: this.readRowDisclaimers(),
    };
  }

  // ── Phrases ────────────────────────────────────────────────────────────────
  private readPhrases(): EstimativeMention[] {
    const { tokens } = this;
    const mentions: EstimativeMention[] = [];
    for (let index = 0; index < tokens.count; index++) {
      if (!tokens.isWord(index) || tokens.quoted(index)) continue;
      if (tokens.startsLine(index)) {
        const labelEnd = this.labelAt(index);
        if (labelEnd !== undefined) {
          index = labelEnd;
          continue;
        }
      }
      const match = this.trie.longestAt(tokens, index);
      if (!match) continue;
      const first = index;
      index = match.last;
      if (this.isComparative(first) || this.isNegated(first) || this.isEpistemic(match.entry, match.last) || this.isOpportunity(match.entry, first, match.last) || this.isStatedFact(match.entry, first, match.last)) continue;
      mentions.push(this.mention(match.entry, first, match.last));
    }
    return mentions;
  }

  private mention(entry: PhraseEntry, first: number, last: number): EstimativeMention {
    const { tokens } = this;
    const span = { start: tokens.start(first), end: tokens.end(last) };
    const base: MentionBase = { span, text: this.source.slice(span.start, span.end), sentence: tokens.sentence(first), firstToken: first, lastToken: last };
    const before = previousWord(tokens, first);
    const after = nextWord(tokens, last);
    if (before !== undefined) base.wordBefore = tokens.norm(before);
    if (after) base.wordAfter = tokens.norm(after.index);
    switch (entry.kind) {
      case 'absolute':
        return { ...base, kind: 'absolute', claims: entry.wording.claims };
      case 'wording': {
        const mention: WordingMention = { ...base, kind: 'wording', wording: entry.wording };
        this.attachPercentage(mention, last);
        return mention;
      }
      case 'term': {
        const negationEnd = this.negationAfter(last);
        const eventNegated = negationEnd !== undefined;
        const mention: TermMention = {
          ...base,
          kind: entry.yardstick === this.yardstick ? 'term' : 'other-scale',
          term: entry.term,
          yardstick: entry.yardstick,
          eventNegated,
          effectiveBand: eventNegated ? complementBand(entry.term.band) : entry.term.band,
        };
        this.attachPercentage(mention, negationEnd ?? last);
        return mention;
      }
    }
  }

  /** The last token of a schema scenario label opening the line at `index`. */
  private labelAt(index: number): number | undefined {
    for (const label of this.labels) {
      let position = index;
      let matched = this.tokens.norm(position) === label[0];
      for (let word = 1; matched && word < label.length; word++) {
        const next = nextWord(this.tokens, position);
        matched = next !== undefined && this.tokens.norm(next.index) === label[word];
        if (next) position = next.index;
      }
      if (matched) return position;
    }
    return undefined;
  }

  private isComparative(first: number): boolean {
    const before = previousWord(this.tokens, first);
    return before !== undefined && COMPARATIVES.has(this.tokens.norm(before));
  }

  /** A negation before the phrase, possibly across a couple of bridging words. */
  private isNegated(first: number): boolean {
    let position = first;
    for (let step = 0; step < 3; step++) {
      const before = previousWord(this.tokens, position);
      if (before === undefined) return false;
      const word = this.tokens.norm(before);
      if (isNegation(word)) return true;
      if (!NEGATION_BRIDGES.has(word)) return false;
      position = before;
    }
    return false;
  }

  /**
   * Absolute words that report a fact, not a forecast: what a law or treaty guarantees (“is
   * guaranteed by the Montreux Convention”), what was impossible (“made it impossible for
   * inspectors to reach Fordow”, “access was impossible”).
   */
  private isStatedFact(entry: PhraseEntry, first: number, last: number): boolean {
    if (entry.kind !== 'absolute') return false;
    const { tokens } = this;
    const phrase = entry.wording.phrase;
    if (phrase === 'is guaranteed' || phrase === 'are guaranteed') return tokens.norm(nextWord(tokens, last)?.index ?? -1) === 'by';
    if (phrase !== 'impossible') return false;
    let before = previousWord(tokens, first);
    if (before !== undefined && tokens.norm(before) === 'it') before = previousWord(tokens, before);
    return before !== undefined && PAST_STATES.has(tokens.norm(before));
  }

  /** “Impossible to say”: a statement about knowledge, not about the event. */
  private isEpistemic(entry: PhraseEntry, last: number): boolean {
    if (entry.kind !== 'absolute' || entry.wording.phrase !== 'impossible') return false;
    const to = nextWord(this.tokens, last);
    if (!to || this.tokens.norm(to.index) !== 'to') return false;
    const verb = nextWord(this.tokens, to.index);
    return verb !== undefined && EPISTEMIC_VERBS.has(this.tokens.norm(verb.index));
  }

  /** The last token of a negation right after a term (“not”, “will not”, “won't”), if any. */
  private negationAfter(last: number): number | undefined {
    const { tokens } = this;
    let next = nextWord(tokens, last);
    if (next && AUXILIARIES.has(tokens.norm(next.index)) && !isNegation(tokens.norm(next.index))) next = nextWord(tokens, next.index);
    if (!next || !isNegation(tokens.norm(next.index)) || tokens.norm(next.index) === 'no') return undefined;
    // “likely not only … but also”: not a negation of the event.
    const after = nextWord(tokens, next.index);
    if (after && tokens.norm(after.index) === 'only') return undefined;
    return next.index;
  }

  /**
   * A chance as an opportunity, not a probability: “a good chance to reset ties”, “a real chance
   * for both sides to save face”, “give diplomacy a fair chance”. “A good chance of a truce” and
   * “a good chance that talks resume” rate an event.
   */
  private isOpportunity(entry: PhraseEntry, first: number, last: number): boolean {
    if (entry.kind !== 'wording' || !entry.wording.phrase.endsWith('chance')) return false;
    const { tokens } = this;
    let after = nextWord(tokens, last)?.index;
    const following = after === undefined ? '' : tokens.norm(after);
    if (following === 'of' || following === 'that') return false;
    // “for both sides to …”: a few words for whom the chance is.
    for (let steps = 0; following === 'for' && after !== undefined && tokens.norm(after) !== 'to' && steps < 5; steps++) after = nextWord(tokens, after)?.index;
    if (after !== undefined && tokens.norm(after) === 'to') {
      const verb = nextWord(tokens, after);
      if (verb && !NOT_VERBS.has(tokens.norm(verb.index))) return true;
    }
    // “give diplomacy a fair chance”: the verb a few words before the article. “We give the
    // talks a fair chance” is the analyst's own rating.
    let before = previousWord(tokens, first);
    if (before === undefined || (tokens.norm(before) !== 'a' && tokens.norm(before) !== 'an')) return false;
    for (let steps = 0; steps < 5; steps++) {
      before = previousWord(tokens, before);
      if (before === undefined) return false;
      if (GIVING_VERBS.has(tokens.norm(before))) return tokens.norm(previousWord(tokens, before) ?? -1) !== 'we';
    }
    return false;
  }

  // ── Percentages ────────────────────────────────────────────────────────────
  private readPercentages(): void {
    const { tokens } = this;
    for (let index = 0; index < tokens.count; index++) {
      if (tokens.kind(index) !== 'number' || tokens.quoted(index)) continue;
      const percentage = this.percentageAt(index);
      if (!percentage) continue;
      this.percentagesByFirstToken.set(percentage.firstToken, percentage);
      this.percentagesByLastToken.set(percentage.lastToken, percentage);
      index = percentage.lastToken;
    }
  }

  /** `85%`, `80–90 percent`, `80%-90%`, `~70%`, `70 per cent`, `<5%`, `between 80 and 90 percent`. */
  private percentageAt(index: number): Percentage | undefined {
    const { tokens } = this;
    const low = numberValue(tokens.norm(index));
    let unitEnd = this.unitAfter(index);
    let high = low;
    const firstEnd = unitEnd ?? index;
    if (sameRun(tokens, firstEnd, firstEnd + 1) && RANGE_SEPARATORS.has(tokens.norm(firstEnd + 1))) {
      if (tokens.kind(firstEnd + 2) === 'number' && sameRun(tokens, firstEnd + 1, firstEnd + 2)) {
        const secondEnd = this.unitAfter(firstEnd + 2);
        if (secondEnd !== undefined) {
          high = numberValue(tokens.norm(firstEnd + 2));
          unitEnd = secondEnd;
        }
      }
    }
    if (unitEnd === undefined || !(low >= 0 && high <= 100 && low <= high)) return undefined;

    // What stands before the number: “~”, “about”, “<”, “under”, “between”.
    let first = index;
    let approximate = false;
    let bounded = false;
    let band: Band = [low, high];
    const mark = tokens.norm(index - 1);
    if (sameRun(tokens, index - 1, index) && high === low) {
      if (APPROXIMATE_MARKS.has(mark)) {
        approximate = true;
        first = index - 1;
      } else if (LOWER_BOUND_MARKS.has(mark)) {
        band = [low, 100];
        bounded = true;
        first = index - 1;
      } else if (UPPER_BOUND_MARKS.has(mark)) {
        band = [0, low];
        bounded = true;
        first = index - 1;
      }
    } else if (mark === 'between' && high !== low && sameRun(tokens, index - 1, index)) {
      first = index - 1;
    }
    // “roughly a 10% chance”: the mark stands before the article.
    if ((mark === 'a' || mark === 'an') && APPROXIMATE_MARKS.has(tokens.norm(index - 2)) && sameRun(tokens, index - 2, index)) approximate = true;
    const span = { start: tokens.start(first), end: tokens.end(unitEnd) };
    const unit = tokens.norm(unitEnd);
    return {
      span,
      text: this.source.slice(span.start, span.end),
      band,
      point: band[0] === band[1],
      approximate,
      bounded,
      unit: unit === '%' ? '%' : unit === 'cent' ? ' per cent' : ' percent',
      line: tokens.line(first),
      sentence: tokens.sentence(first),
      firstToken: first,
      lastToken: unitEnd,
    };
  }

  /** The last token of a percent unit right after the token `index`: `%`, `percent`, `per cent`. */
  private unitAfter(index: number): number | undefined {
    const { tokens } = this;
    if (!sameRun(tokens, index, index + 1)) return undefined;
    const next = tokens.norm(index + 1);
    if (next === '%') return index + 1;
    if (tokens.isWord(index + 1) && PERCENT_WORDS.has(next)) return index + 1;
    if (next === 'per' && tokens.norm(index + 2) === 'cent' && sameRun(tokens, index + 1, index + 2)) return index + 2;
    return undefined;
  }

  /** A percentage written with a term: `likely (85%)`, `likely, ~80%`, `80–90 percent likely`. */
  private attachPercentage(mention: TermMention | WordingMention, last: number): void {
    const { tokens } = this;
    let position = last + 1;
    for (let skipped = 0; skipped < 2 && tokens.kind(position) === 'symbol' && '([,:—–-='.includes(tokens.norm(position)) && sameRun(tokens, position - 1, position); skipped++) position++;
    let percentage = sameRun(tokens, position - 1, position) ? this.percentagesByFirstToken.get(position) : undefined;
    // “likely, 30% of the stockpile” is a quantity beside the term, not its probability.
    if (percentage && tokens.isWord(percentage.lastToken + 1) && sameRun(tokens, percentage.lastToken, percentage.lastToken + 1) && !PROBABILITY_FOLLOWERS.has(tokens.norm(percentage.lastToken + 1))) percentage = undefined;
    if (!percentage) {
      const before = tokens.norm(mention.firstToken - 1) === '(' ? mention.firstToken - 2 : mention.firstToken - 1;
      const candidate = this.percentagesByLastToken.get(before);
      if (candidate && sameRun(tokens, before, mention.firstToken)) percentage = candidate;
    }
    if (!percentage || percentage.attachedTo) return;
    percentage.attachedTo = mention;
    mention.percentage = percentage;
  }

  /**
   * A percentage set off at the end of a sentence with one term in it states that term's
   * probability too: “Talks are likely to resume (80–90 percent).”, “Iran is likely to agree:
   * 80–90%.”, “… likely to resume, with 90% probability.” With two terms before it, it is neither's.
   */
  private attachClosingPercentages(mentions: readonly EstimativeMention[]): void {
    let termsBySentence: Map<number, (TermMention | WordingMention)[]> | undefined;
    for (const percentage of this.percentagesByFirstToken.values()) {
      if (percentage.attachedTo || !this.closesSentence(percentage)) continue;
      termsBySentence ??= groupTermsBySentence(mentions);
      const before = (termsBySentence.get(percentage.sentence) ?? []).filter((mention) => mention.lastToken < percentage.firstToken);
      const [term, ...others] = before;
      if (!term || others.length > 0 || term.percentage || this.measuresQuantity(percentage)) continue;
      percentage.attachedTo = term;
      term.percentage = percentage;
    }
  }

  /**
   * Whether the sentence before a closing percentage names a quantity it may measure: “Inflation
   * is likely to stay high (around 31%).”, “Turnout is likely to be low: about 40%.”
   */
  private measuresQuantity(percentage: Percentage): boolean {
    const { tokens } = this;
    for (let index = percentage.firstToken - 1; index >= 0 && tokens.sentence(index) === percentage.sentence; index--) {
      if (tokens.isWord(index) && QUANTITY_NOUNS.has(tokens.norm(index))) return true;
    }
    return false;
  }

  /** True when the percentage is set off (`(…)`, `:`, a dash, `with … probability`) and ends its sentence. */
  private closesSentence(percentage: Percentage): boolean {
    const { tokens } = this;
    const opener = tokens.norm(percentage.firstToken - 1);
    let after = percentage.lastToken + 1;
    if (opener === '(') {
      if (tokens.norm(after) !== ')') return false;
      after++;
    } else if (opener === 'with' && tokens.isWord(after) && PROBABILITY_FOLLOWERS.has(tokens.norm(after))) {
      after++;
    } else if (opener !== ':' && opener !== '—' && opener !== '–') {
      return false;
    }
    if (after >= tokens.count || tokens.sentence(after) !== percentage.sentence) return true;
    return tokens.kind(after) === 'symbol' && '.!?;'.includes(tokens.norm(after)) && (after + 1 >= tokens.count || tokens.sentence(after + 1) !== percentage.sentence);
  }

  /** The percentages that state a probability; absolute ones (0%, 100%) become absolute mentions. */
  private probabilityPercentages(mentions: EstimativeMention[]): Percentage[] {
    const probabilities: Percentage[] = [];
    const absolutes: AbsoluteMention[] = [];
    for (const percentage of this.percentagesByFirstToken.values()) {
      if (!percentage.attachedTo && !this.inProbabilityContext(percentage)) continue;
      if (!percentage.attachedTo && percentage.point && (percentage.band[0] === 0 || percentage.band[0] === 100)) {
        absolutes.push({
          kind: 'absolute',
          claims: percentage.band[0] === 100 ? 'certainty' : 'impossibility',
          span: percentage.span,
          text: percentage.text,
          sentence: percentage.sentence,
          firstToken: percentage.firstToken,
          lastToken: percentage.lastToken,
        });
        continue;
      }
      probabilities.push(percentage);
    }
    if (absolutes.length > 0) {
      mentions.push(...absolutes);
      mentions.sort((a, b) => a.span.start - b.span.start);
    }
    return probabilities;
  }

  private inProbabilityContext(percentage: Percentage): boolean {
    const { tokens } = this;
    const after = percentage.lastToken + 1;
    if (tokens.isWord(after) && sameRun(tokens, percentage.lastToken, after) && PROBABILITY_FOLLOWERS.has(tokens.norm(after))) return true;
    let position = percentage.firstToken - 1;
    for (let steps = 0; steps < 4 && sameRun(tokens, position, position + 1); position--, steps++) {
      const norm = tokens.norm(position);
      if (PROBABILITY_NOUNS.has(norm)) return true;
      if (!PROBABILITY_LINKS.has(norm)) break;
    }
    // “we put the odds of a strike at about 78%”: the noun further back in the sentence.
    if (sameRun(tokens, percentage.firstToken - 1, percentage.firstToken) && PROBABILITY_LINKS.has(tokens.norm(percentage.firstToken - 1))) {
      for (let back = percentage.firstToken - 2, steps = 0; steps < 15 && sameRun(tokens, back, back + 1); back--, steps++) {
        if (DISTANT_PROBABILITY_NOUNS.has(tokens.norm(back))) return true;
      }
    }
    const line = this.parsed.lines[percentage.line]!;
    return PROBABILITY_LINE.test(line.text.replace(/^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])?\s*/, ''));
  }

  // ── Confidence ─────────────────────────────────────────────────────────────
  private readConfidence(): ConfidenceStatement[] {
    const { tokens } = this;
    const statements: ConfidenceStatement[] = [];
    for (let index = 0; index < tokens.count; index++) {
      if (tokens.norm(index) !== 'confidence' || !tokens.isWord(index) || tokens.quoted(index)) continue;
      const statement = this.levelsBefore(index) ?? this.levelsAfter(index);
      if (statement) statements.push(statement);
    }
    return statements;
  }

  /** `high confidence`, `low-confidence`, `moderate-to-high confidence`, `very high confidence`. */
  private levelsBefore(index: number): ConfidenceStatement | undefined {
    const { tokens } = this;
    // “confidence-building measures” is not a statement of confidence.
    if (isHyphen(tokens, index + 1) && tokens.start(index + 1) === tokens.end(index)) return undefined;
    const levels: ConfidenceLevelWord[] = [];
    let position = index;
    for (;;) {
      const before = previousWord(tokens, this.emphasisStart(position));
      if (before === undefined) break;
      const level = this.levelEndingAt(before);
      if (!level) break;
      levels.unshift(level.word);
      position = level.first;
      const joint = previousWord(tokens, this.emphasisStart(position));
      if (joint === undefined || tokens.norm(joint) !== 'to') break;
      position = joint;
    }
    const first = levels[0];
    if (!first) return undefined;
    const standard = levels.every((level) => CONFIDENCE_LEVELS.has(level.norm.replace(/^very /, '')));
    const holder = previousWord(tokens, this.emphasisStart(position));
    // “high confidence in its deterrent”: somebody's trust in a thing, unless it is the analysis.
    const after = nextWord(tokens, index);
    const inThing = after !== undefined && tokens.norm(after.index) === 'in' && !this.inJudgment(after.index);
    const heldBySomebody = (holder !== undefined && HOLDING_VERBS.has(tokens.norm(holder))) || inThing;
    if ((!standard || heldBySomebody) && !this.inAnalyticVoice(index)) return undefined;
    return this.statement(first.span.start, tokens.end(index), levels, index);
  }

  /** `Confidence: Moderate`, `our confidence in this judgment is low`, `confidence level: high`. */
  private levelsAfter(index: number): ConfidenceStatement | undefined {
    const { tokens } = this;
    const owned = tokens.sentence(index - 1) !== tokens.sentence(index) || !tokens.isWord(index - 1) || CONFIDENCE_OWNERS.has(tokens.norm(index - 1));
    if (!owned) return undefined;
    let position = this.pastEmphasis(index + 1);
    if (['level', 'levels', 'rating', 'ratings'].includes(tokens.norm(position)) && sameRun(tokens, position - 1, position)) position = this.pastEmphasis(position + 1);
    if (tokens.norm(position) === 'in' && sameRun(tokens, position - 1, position)) {
      // “in this judgment”, “in these key judgments”: a few words before the verb. Confidence in
      // anything else (“in the ceasefire”) is somebody's trust in it, not a rating of the analysis.
      if (!this.inJudgment(position)) return undefined;
      for (let steps = 0; steps < 5 && tokens.isWord(position + 1) && !CONFIDENCE_LINKS.has(tokens.norm(position + 1)) && sameRun(tokens, position, position + 1); steps++) position++;
      position++;
    }
    if (!CONFIDENCE_LINKS.has(tokens.norm(position)) || !sameRun(tokens, position - 1, position) || !sameRun(tokens, position, position + 1)) return undefined;
    const level = this.levelStartingAt(this.pastEmphasis(position + 1));
    if (!level || !CONFIDENCE_LEVELS.has(level.norm.replace(/^very /, ''))) return undefined;
    return this.statement(tokens.start(index), level.span.end, [level], index);
  }

  /** Whether the words after “in” (the token `index`) name the analysis: “in this judgment”, “in these”, “in it”. */
  private inJudgment(index: number): boolean {
    const { tokens } = this;
    let position = index;
    for (let steps = 0; steps < 5; steps++) {
      const next = nextWord(tokens, position);
      if (next === undefined || CONFIDENCE_LINKS.has(tokens.norm(next.index))) break;
      if (JUDGMENT_WORDS.has(tokens.norm(next.index))) return true;
      position = next.index;
    }
    return position !== index && PRONOUN_OBJECTS.has(tokens.norm(position));
  }

  /** The first token at or after `index` that is no emphasis mark of its run: `**Confidence:** Moderate`. */
  private pastEmphasis(index: number): number {
    let position = index;
    while (position - index < 3 && isEmphasis(this.tokens, position) && sameRun(this.tokens, position - 1, position)) position++;
    return position;
  }

  /** The first of the emphasis marks right before the token `index` in its run (`index` when none): `**moderate** confidence`. */
  private emphasisStart(index: number): number {
    let position = index;
    while (index - position < 3 && isEmphasis(this.tokens, position - 1) && sameRun(this.tokens, position - 1, index)) position--;
    return position;
  }

  private levelEndingAt(index: number): { word: ConfidenceLevelWord; first: number } | undefined {
    const { tokens } = this;
    const norm = tokens.norm(index);
    if (!CONFIDENCE_LEVELS.has(norm) && !OTHER_CONFIDENCE_LEVELS.has(norm)) return undefined;
    const very = previousWord(tokens, index);
    const first = very !== undefined && tokens.norm(very) === 'very' && (norm === 'high' || norm === 'low') ? very : index;
    return { word: this.levelWord(first, index), first };
  }

  private levelStartingAt(index: number): ConfidenceLevelWord | undefined {
    const { tokens } = this;
    if (!tokens.isWord(index)) return undefined;
    if (tokens.norm(index) === 'very') {
      const next = nextWord(tokens, index);
      return next && ['high', 'low'].includes(tokens.norm(next.index)) ? this.levelWord(index, next.index) : undefined;
    }
    return CONFIDENCE_LEVELS.has(tokens.norm(index)) ? this.levelWord(index, index) : undefined;
  }

  private levelWord(first: number, last: number): ConfidenceLevelWord {
    const span = { start: this.tokens.start(first), end: this.tokens.end(last) };
    const text = this.source.slice(span.start, span.end);
    return { text, norm: text.toLowerCase().replace(/\s+/g, ' '), span };
  }

  private statement(start: number, end: number, levels: ConfidenceLevelWord[], confidenceToken: number): ConfidenceStatement {
    return { span: { start, end }, text: this.source.slice(start, end), levels, sentence: this.tokens.sentence(confidenceToken) };
  }

  private inAnalyticVoice(index: number): boolean {
    const { tokens } = this;
    const sentence = tokens.sentence(index);
    for (let position = index - 1; position >= 0 && tokens.sentence(position) === sentence; position--) {
      if (ANALYTIC_VOICE.has(tokens.norm(position))) return true;
    }
    return false;
  }

  // ── Disclaimers ────────────────────────────────────────────────────────────
  /**
   * A disclaimer is a sentence that says estimative words are interchangeable or mean the same:
   * it has a cue (“interchangeably”, “equivalent”, “synonymous”, “mean the same”, “same
   * probability”) and a subject (“terms”, “words”, “likelihood”, “rows”, or the terms themselves). Quoted
   * words count here: a disclaimer usually quotes the terms it pairs.
   */
  private readRowDisclaimers(): Span[] {
    const { tokens } = this;
    const disclaimers: Span[] = [];
    let start = 0;
    while (start < tokens.count) {
      let end = start;
      while (end + 1 < tokens.count && tokens.sentence(end + 1) === tokens.sentence(start)) end++;
      let cue = false;
      let subject = false;
      for (let position = start; position <= end; position++) {
        const norm = tokens.norm(position);
        if (DISCLAIMER_CUES.has(norm)) cue = true;
        if (norm === 'same' && (SAME_WHAT.has(tokens.norm(position + 1)) || (tokens.norm(position - 1) === 'the' && MEAN_VERBS.has(tokens.norm(position - 2))))) cue = true;
        if (DISCLAIMER_SUBJECTS.has(norm)) subject = true;
      }
      if (cue && subject) disclaimers.push({ start: tokens.start(start), end: tokens.end(end) });
      start = end + 1;
    }
    return disclaimers;
  }
}

/** `85`, `72.5`, `72,5`; a thousands separator (`1,000`) makes it too large to be a percentage anyway. */
function numberValue(text: string): number {
  return /^\d{1,3}(?:,\d{3})+$/.test(text) ? Number(text.replaceAll(',', '')) : Number(text.replace(',', '.'));
}

/** `*` or `_`: Markdown emphasis around a confidence label or level. */
function isEmphasis(tokens: ProseTokens, index: number): boolean {
  return tokens.kind(index) === 'symbol' && (tokens.norm(index) === '*' || tokens.norm(index) === '_');
}

function isNegation(word: string): boolean {
  return NEGATIONS.has(word) || word.endsWith("n't");
}

/** The term and wording mentions of each sentence, in order. */
function groupTermsBySentence(mentions: readonly EstimativeMention[]): Map<number, (TermMention | WordingMention)[]> {
  const bySentence = new Map<number, (TermMention | WordingMention)[]>();
  for (const mention of mentions) {
    if (mention.kind === 'absolute') continue;
    const list = bySentence.get(mention.sentence);
    if (list) list.push(mention);
    else bySentence.set(mention.sentence, [mention]);
  }
  return bySentence;
}
