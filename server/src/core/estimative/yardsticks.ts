/**
 * Estimative-language yardsticks: the probability terms a standard allows, their bands, where the
 * standard defines them, and the confidence levels it pairs them with. Built in: ICD 203 (the
 * default), the UK PHIA Probability Yardstick and the IPCC AR5 likelihood scale; a schema may
 * declare its own table instead.
 */
import type { CustomYardstickSpec, Schema } from '../schema/types.js';

/** A probability band in percent, [low, high], both ends included unless a term's `open` says otherwise. */
export type Band = [number, number];

/** Ends a term's band excludes: PHIA's “realistic possibility” is ≈40 to <50%, so 50% is not in it. */
export interface OpenEnds {
  low?: boolean;
  high?: boolean;
}

export interface YardstickTerm {
  /** The term as the standard writes it (“almost certain”, “probable”). */
  term: string;
  band: Band;
  /** Ends of the band the standard excludes (`>0`, `<50%`). */
  open?: OpenEnds;
  /** ICD 203 row (1 or 2): parallel word sets for the same bands. */
  row?: 1 | 2;
  /** Where the standard defines the term (“ICD 203 §D.6.e(2)(a), row 1”). */
  standard: string;
  /** Lower-case written forms that count as this term: the term, its inflections, its aliases. */
  forms: string[];
  /**
   * How the term reads in running text: a noun phrase (“almost no chance”) or a modifier
   * (“likely”). A suggested replacement must take the same place in the sentence.
   */
  noun: boolean;
  /** The text a replacement writes (“remote chance” for ICD 203's “remote”). */
  replacement: string;
}

export interface Yardstick {
  /** `icd203`, `phia`, `ipcc`, or `custom`. */
  id: string;
  /** Display name (“ICD 203”). */
  name: string;
  terms: YardstickTerm[];
  /** Confidence levels, as the standard capitalises them. */
  confidenceLevels: string[];
  /** Where the confidence levels are defined. */
  confidenceStandard: string;
  /**
   * Whether a confidence level and a likelihood term must stand in separate sentences
   * (ICD 203 §D.6.e(2)(b)). IPCC guidance pairs a likelihood with its confidence in one finding.
   */
  separatesConfidence: boolean;
}

const ICD203_TERMS = '§D.6.e(2)(a)';
const ICD203_CONFIDENCE = 'ICD 203 §D.6.e(2)(b)';
const PHIA_STANDARD = 'UK PHIA Probability Yardstick (2025)';
const IPCC_STANDARD = 'IPCC AR5 guidance note on uncertainties (Mastrandrea et al. 2010)';

interface TermDefinition {
  term: string;
  band: Band;
  open?: OpenEnds;
  row?: 1 | 2;
  /** The written forms that count as the term, when not just the term itself. */
  forms?: string[];
  noun?: boolean;
  replacement?: string;
}

function defineTerms(standard: (definition: TermDefinition) => string, definitions: TermDefinition[]): YardstickTerm[] {
  return definitions.map((definition) => {
    const term: YardstickTerm = {
      term: definition.term,
      band: definition.band,
      standard: standard(definition),
      forms: (definition.forms ?? [definition.term]).map((form) => form.toLowerCase()),
      noun: definition.noun ?? false,
      replacement: definition.replacement ?? definition.term,
    };
    if (definition.row !== undefined) term.row = definition.row;
    if (definition.open) term.open = definition.open;
    return term;
  });
}

// ICD 203's row 2 word “remote” is a term only where it qualifies a chance: “remote areas” is not.
const REMOTE_FORMS = ['remote chance', 'remote chances', 'remote possibility', 'remote likelihood', 'remote probability', 'remote prospect'];

export const ICD203: Yardstick = {
  id: 'icd203',
  name: 'ICD 203',
  terms: defineTerms((definition) => `ICD 203 ${ICD203_TERMS}, row ${definition.row ?? 1}`, [
    { term: 'almost no chance', band: [1, 5], row: 1, noun: true },
    { term: 'very unlikely', band: [5, 20], row: 1 },
    { term: 'unlikely', band: [20, 45], row: 1 },
    { term: 'roughly even chance', band: [45, 55], row: 1, forms: ['roughly even chance', 'roughly even chances'], noun: true },
    { term: 'likely', band: [55, 80], row: 1 },
    { term: 'very likely', band: [80, 95], row: 1 },
    { term: 'almost certain', band: [95, 99], row: 1, forms: ['almost certain', 'almost certainly'] },
    { term: 'remote', band: [1, 5], row: 2, forms: REMOTE_FORMS, noun: true, replacement: 'remote chance' },
    { term: 'highly improbable', band: [5, 20], row: 2 },
    { term: 'improbable', band: [20, 45], row: 2, forms: ['improbable', 'improbably'] },
    { term: 'roughly even odds', band: [45, 55], row: 2, noun: true },
    { term: 'probable', band: [55, 80], row: 2, forms: ['probable', 'probably'] },
    { term: 'highly probable', band: [80, 95], row: 2 },
    { term: 'nearly certain', band: [95, 99], row: 2 },
  ]),
  confidenceLevels: ['High', 'Moderate', 'Low'],
  confidenceStandard: ICD203_CONFIDENCE,
  separatesConfidence: true,
};

export const PHIA: Yardstick = {
  id: 'phia',
  name: 'PHIA',
  // The gaps between the bands are deliberate: no term covers 6–9%, 21–24%, 36–39%, 50–54%, 76–79% or 91–94%.
  terms: defineTerms(() => PHIA_STANDARD, [
    { term: 'remote chance', band: [0, 5], open: { low: true }, forms: ['remote chance', 'remote chances'], noun: true },
    { term: 'highly unlikely', band: [10, 20] },
    { term: 'unlikely', band: [25, 35] },
    { term: 'realistic possibility', band: [40, 50], open: { high: true }, noun: true },
    { term: 'likely', band: [55, 75] },
    { term: 'probable', band: [55, 75], forms: ['probable', 'probably'] },
    { term: 'highly likely', band: [80, 90] },
    { term: 'almost certain', band: [95, 100], open: { high: true }, forms: ['almost certain', 'almost certainly'] },
  ]),
  confidenceLevels: ['High', 'Moderate', 'Low'],
  confidenceStandard: 'PHIA analytical confidence ratings',
  separatesConfidence: true,
};

export const IPCC: Yardstick = {
  id: 'ipcc',
  name: 'IPCC',
  // The bands nest: “likely” (66–100%) includes “very likely” (90–100%).
  terms: defineTerms(() => IPCC_STANDARD, [
    { term: 'virtually certain', band: [99, 100], forms: ['virtually certain', 'virtually certainly'] },
    { term: 'extremely likely', band: [95, 100] },
    { term: 'very likely', band: [90, 100] },
    { term: 'likely', band: [66, 100] },
    { term: 'more likely than not', band: [50, 100], open: { low: true } },
    { term: 'about as likely as not', band: [33, 66], forms: ['about as likely as not', 'as likely as not'] },
    { term: 'unlikely', band: [0, 33] },
    { term: 'very unlikely', band: [0, 10] },
    { term: 'extremely unlikely', band: [0, 5] },
    { term: 'exceptionally unlikely', band: [0, 1] },
  ]),
  confidenceLevels: ['Very low', 'Low', 'Medium', 'High', 'Very high'],
  confidenceStandard: IPCC_STANDARD,
  separatesConfidence: false,
};

export const BUILTIN_YARDSTICKS: readonly Yardstick[] = [ICD203, PHIA, IPCC];

const customYardsticks = new WeakMap<CustomYardstickSpec, Yardstick>();

/** The yardstick a schema configures (ICD 203 when it names none it knows). */
export function yardstickFor(schema: Schema): Yardstick {
  const configured = schema.yardstick;
  if (typeof configured === 'string') return BUILTIN_YARDSTICKS.find((yardstick) => yardstick.id === configured) ?? ICD203;
  let yardstick = customYardsticks.get(configured);
  if (!yardstick) {
    yardstick = customYardstick(configured);
    customYardsticks.set(configured, yardstick);
  }
  return yardstick;
}

function customYardstick(spec: CustomYardstickSpec): Yardstick {
  const name = spec.name ?? 'custom yardstick';
  return {
    id: 'custom',
    name,
    terms: spec.terms.map(({ term, band, aliases }) => {
      const forms = [term, ...(aliases ?? [])].map((form) => form.toLowerCase().trim());
      return {
        term,
        band: [Math.min(...band), Math.max(...band)],
        standard: `the schema's yardstick “${name}”`,
        forms: [...new Set([...forms, ...forms.flatMap(inflections)])],
        noun: /\b(?:chance|chances|odds|possibility|probability|prospect)$/.test(term.toLowerCase()),
        replacement: term,
      };
    }),
    confidenceLevels: spec.confidence && spec.confidence.length > 0 ? spec.confidence : ['High', 'Moderate', 'Low'],
    confidenceStandard: `the schema's yardstick “${name}”`,
    separatesConfidence: true,
  };
}

/** The adverbs of a custom term's adjectives: “certain” → “certainly”, “probable” → “probably”. */
function inflections(form: string): string[] {
  if (/certain$/.test(form)) return [`${form}ly`];
  if (/[ai]ble$/.test(form)) return [`${form.slice(0, -1)}y`];
  return [];
}

/** `55–80%`; an open end is marked as the standard writes it: `40–<50%`, `>0–5%`. */
export function formatBand(band: Band, open?: OpenEnds): string {
  if (band[0] === band[1]) return `${band[0]}%`;
  return `${open?.low ? '>' : ''}${band[0]}–${open?.high ? '<' : ''}${band[1]}%`;
}

/** The probability that an event does not happen, given the band it happens in. */
export function complementBand(band: Band): Band {
  return [100 - band[1], 100 - band[0]];
}

/** The open ends of a complement band: the excluded ends swap places. */
export function complementOpen(open: OpenEnds | undefined): OpenEnds | undefined {
  return open && { low: open.high ?? false, high: open.low ?? false };
}

/** Whether `inner` lies within `outer`, an open end of `outer` excluded. */
export function bandContains(outer: Band, inner: Band, open?: OpenEnds): boolean {
  return (open?.low ? inner[0] > outer[0] : inner[0] >= outer[0]) && (open?.high ? inner[1] < outer[1] : inner[1] <= outer[1]);
}

function midpoint(band: Band): number {
  return (band[0] + band[1]) / 2;
}

/**
 * The yardstick term that best stands for a probability: among the terms whose band holds it,
 * the narrowest (the nested IPCC bands would otherwise always answer “more likely than not”);
 * otherwise the term whose band lies nearest. Ties go to the preferred ICD 203 row.
 */
export function nearestTerm(yardstick: Yardstick, probability: number, preferredRow: 1 | 2 = 1): YardstickTerm | undefined {
  let best: YardstickTerm | undefined;
  let bestKey: [number, number, number] | undefined;
  for (const term of yardstick.terms) {
    const [low, high] = term.band;
    const distance = probability < low ? low - probability : probability > high ? probability - high : 0;
    const key: [number, number, number] = [distance, high - low + Math.abs(midpoint(term.band) - probability) / 1000, term.row !== undefined && term.row !== preferredRow ? 1 : 0];
    if (!bestKey || compareKeys(key, bestKey) < 0) {
      best = term;
      bestKey = key;
    }
  }
  return best;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < a.length; index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The term at the top (certainty) or bottom (impossibility) of a yardstick. */
export function extremeTerm(yardstick: Yardstick, end: 'top' | 'bottom'): YardstickTerm | undefined {
  let best: YardstickTerm | undefined;
  for (const term of yardstick.terms) {
    if (!best || (end === 'top' ? midpoint(term.band) > midpoint(best.band) : midpoint(term.band) < midpoint(best.band))) best = term;
  }
  return best;
}

/** The gap between two bands a probability falls in, when the yardstick leaves it unassigned. */
export function gapAround(yardstick: Yardstick, band: Band): { below: YardstickTerm; above: YardstickTerm } | undefined {
  const overlaps = (term: YardstickTerm) => (term.open?.high ? term.band[1] > band[0] : term.band[1] >= band[0]) && (term.open?.low ? term.band[0] < band[1] : term.band[0] <= band[1]);
  if (yardstick.terms.some(overlaps)) return undefined;
  let below: YardstickTerm | undefined;
  let above: YardstickTerm | undefined;
  for (const term of yardstick.terms) {
    if (term.band[1] <= band[0] && (!below || term.band[1] > below.band[1])) below = term;
    if (term.band[0] >= band[1] && (!above || term.band[0] < above.band[0])) above = term;
  }
  return below && above ? { below, above } : undefined;
}
