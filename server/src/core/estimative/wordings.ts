/**
 * Wordings outside every yardstick: probability phrases a reader cannot map to a band, and
 * absolute wording that claims more certainty than any yardstick allows. Phrases are lower-case;
 * a hyphen in a phrase must be written as a hyphen, a space as white space.
 */

export interface ProbabilityWording {
  phrase: string;
  /** The probability (percent) readers commonly take it to mean: picks the nearest yardstick term. */
  estimate: number;
  /**
   * Where it stands in a sentence: a noun phrase (“a good chance”), a modifier (“pretty likely”),
   * or neither (“could well”); a suggested term replaces it in place only when they agree.
   */
  role: 'noun' | 'modifier' | 'clause';
}

export const PROBABILITY_WORDINGS: readonly ProbabilityWording[] = [
  // Chances and possibilities.
  { phrase: 'good chance', estimate: 70, role: 'noun' },
  { phrase: 'fair chance', estimate: 50, role: 'noun' },
  { phrase: 'even chance', estimate: 50, role: 'noun' },
  { phrase: 'strong chance', estimate: 75, role: 'noun' },
  { phrase: 'decent chance', estimate: 60, role: 'noun' },
  { phrase: 'reasonable chance', estimate: 55, role: 'noun' },
  { phrase: 'real chance', estimate: 50, role: 'noun' },
  { phrase: 'high chance', estimate: 80, role: 'noun' },
  { phrase: 'low chance', estimate: 15, role: 'noun' },
  { phrase: 'small chance', estimate: 10, role: 'noun' },
  { phrase: 'slim chance', estimate: 10, role: 'noun' },
  { phrase: 'slight chance', estimate: 10, role: 'noun' },
  { phrase: 'outside chance', estimate: 10, role: 'noun' },
  { phrase: 'good possibility', estimate: 65, role: 'noun' },
  { phrase: 'strong possibility', estimate: 70, role: 'noun' },
  { phrase: 'real possibility', estimate: 45, role: 'noun' },
  { phrase: 'distinct possibility', estimate: 50, role: 'noun' },
  { phrase: 'serious possibility', estimate: 50, role: 'noun' },
  { phrase: 'high probability', estimate: 85, role: 'noun' },
  { phrase: 'low probability', estimate: 15, role: 'noun' },
  { phrase: 'high likelihood', estimate: 85, role: 'noun' },
  { phrase: 'low likelihood', estimate: 15, role: 'noun' },
  { phrase: 'near certainty', estimate: 97, role: 'noun' },
  { phrase: 'toss-up', estimate: 50, role: 'noun' },
  { phrase: 'fifty-fifty', estimate: 50, role: 'noun' },
  { phrase: 'long shot', estimate: 10, role: 'noun' },
  // Hedged forms of yardstick words.
  { phrase: 'pretty likely', estimate: 70, role: 'modifier' },
  { phrase: 'quite likely', estimate: 70, role: 'modifier' },
  { phrase: 'fairly likely', estimate: 65, role: 'modifier' },
  { phrase: 'reasonably likely', estimate: 65, role: 'modifier' },
  { phrase: 'somewhat likely', estimate: 60, role: 'modifier' },
  { phrase: 'very probable', estimate: 85, role: 'modifier' },
  { phrase: 'quite probable', estimate: 70, role: 'modifier' },
  { phrase: 'fairly probable', estimate: 65, role: 'modifier' },
  { phrase: 'pretty unlikely', estimate: 25, role: 'modifier' },
  { phrase: 'quite unlikely', estimate: 25, role: 'modifier' },
  { phrase: 'fairly unlikely', estimate: 30, role: 'modifier' },
  { phrase: 'somewhat unlikely', estimate: 35, role: 'modifier' },
  { phrase: 'all but certain', estimate: 95, role: 'modifier' },
  { phrase: 'almost surely', estimate: 95, role: 'modifier' },
  { phrase: 'in all likelihood', estimate: 85, role: 'modifier' },
  { phrase: 'in all probability', estimate: 85, role: 'modifier' },
  { phrase: 'odds-on', estimate: 65, role: 'modifier' },
  // Verb hedges that read as a probability.
  { phrase: 'could well', estimate: 50, role: 'clause' },
  { phrase: 'may well', estimate: 50, role: 'clause' },
  { phrase: 'might well', estimate: 50, role: 'clause' },
  { phrase: 'chances are', estimate: 60, role: 'clause' },
];

export interface AbsoluteWording {
  phrase: string;
  /** Whether it claims the event certain or impossible. */
  claims: 'certainty' | 'impossibility';
}

export const ABSOLUTE_WORDINGS: readonly AbsoluteWording[] = [
  { phrase: 'definitely', claims: 'certainty' },
  { phrase: 'undoubtedly', claims: 'certainty' },
  { phrase: 'without doubt', claims: 'certainty' },
  { phrase: 'without a doubt', claims: 'certainty' },
  { phrase: 'beyond doubt', claims: 'certainty' },
  { phrase: 'beyond a doubt', claims: 'certainty' },
  { phrase: 'beyond any doubt', claims: 'certainty' },
  { phrase: 'no doubt', claims: 'certainty' },
  { phrase: 'certainly will', claims: 'certainty' },
  { phrase: 'will certainly', claims: 'certainty' },
  { phrase: 'surely will', claims: 'certainty' },
  { phrase: 'will surely', claims: 'certainty' },
  { phrase: 'certain to', claims: 'certainty' },
  { phrase: 'guaranteed to', claims: 'certainty' },
  { phrase: 'is guaranteed', claims: 'certainty' },
  { phrase: 'are guaranteed', claims: 'certainty' },
  { phrase: 'inevitable', claims: 'certainty' },
  { phrase: 'inevitably', claims: 'certainty' },
  { phrase: 'impossible', claims: 'impossibility' },
  { phrase: 'no chance', claims: 'impossibility' },
  { phrase: 'zero chance', claims: 'impossibility' },
  { phrase: 'no possibility', claims: 'impossibility' },
];

/**
 * “Impossible to say” speaks of what can be known, not of the event: these verbs after
 * “impossible to” leave it out of the absolute wording.
 */
export const EPISTEMIC_VERBS: ReadonlySet<string> = new Set([
  'say', 'know', 'predict', 'tell', 'determine', 'assess', 'judge', 'gauge', 'forecast', 'estimate',
  'quantify', 'verify', 'confirm', 'rule', 'establish', 'ascertain', 'foresee',
]);

/**
 * “Give diplomacy a fair chance”: after these verbs a chance is an opportunity granted, not a
 * probability (unless a probability follows: “we give talks a fair chance of success”).
 */
export const GIVING_VERBS: ReadonlySet<string> = new Set(['give', 'gives', 'gave', 'given', 'giving']);
