import { formatBand } from '../estimative/index.js';
import type { Scenario } from '../model/types.js';
import type { Rule } from './rule.js';

const MOST_LIKELY = new Set(['most likely', 'most probable']);

/**
 * Related information names at most this many of the scenarios rated higher, the highest first: a
 * forecast with hundreds of scenarios would otherwise send hundreds of locations with every finding.
 */
const MAX_RELATED_SCENARIOS = 5;

/** The scenario labelled most likely is rated lower, by its yardstick term, than another scenario. */
export const scenarioRankInconsistent: Rule = {
  id: 'scenario-rank-inconsistent',
  family: 'scenarios',
  description: 'The scenario labelled most likely carries a lower yardstick term than another scenario.',
  defaultSeverity: 'warning',
  safeFix: false,
  check({ model, report }) {
    // A term found only in an outcome may rate something within it (“… though a full deal
    // remains unlikely”): too weak a rating to contradict a label with.
    const rated = (scenario: Scenario) => scenario.likelihood !== undefined && scenario.likelihood.source !== 'outcome';
    const tops = model.scenarios.filter((scenario) => rated(scenario) && isMostLikely(scenario));
    if (tops.length === 0) return;
    // Rated scenarios from the highest rating down (document order among equals): the ones rated
    // above a most-likely scenario are a prefix of this list.
    const byRating = model.scenarios.filter(rated).sort((a, b) => midpoint(b.likelihood!.band) - midpoint(a.likelihood!.band));
    for (const top of tops) {
      const rated = top.likelihood!;
      const higher: Scenario[] = [];
      let count = 0;
      for (const other of byRating) {
        if (midpoint(other.likelihood!.band) <= midpoint(rated.band)) break;
        count++;
        if (higher.length < MAX_RELATED_SCENARIOS) higher.push(other);
      }
      const highest = higher[0];
      if (!highest) continue;
      const more = count > higher.length ? ` ${count} scenarios are rated higher; related information names the ${higher.length} rated highest.` : '';
      report({
        message: `Scenario “${name(top)}” is labelled most likely but rated “${rated.term}” (${formatBand(rated.band)}), lower than scenario “${name(highest)}”, rated “${highest.likelihood!.term}” (${formatBand(highest.likelihood!.band)}).${more}`,
        span: rated.span,
        related: higher.map((other) => ({ message: `Scenario “${name(other)}” is rated “${other.likelihood!.term}” (${formatBand(other.likelihood!.band)})`, span: other.likelihood!.span })),
      });
    }
  },
};

function isMostLikely(scenario: Scenario): boolean {
  return [scenario.label, scenario.horizon ?? ''].some((text) => MOST_LIKELY.has(text.toLowerCase().replace(/[^\p{L}]+/gu, ' ').trim()));
}

function midpoint(band: [number, number]): number {
  return (band[0] + band[1]) / 2;
}

function name(scenario: Scenario): string {
  return scenario.label || scenario.title;
}
