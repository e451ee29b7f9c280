import { formatBand } from '../estimative/index.js';
import type { Scenario } from '../model/types.js';
import type { Rule } from './rule.js';

const MOST_LIKELY = new Set(['most likely', 'most probable']);

/** The scenario labelled most likely is rated lower, by its yardstick term, than another scenario. */
export const scenarioRankInconsistent: Rule = {
  id: 'scenario-rank-inconsistent',
  family: 'scenarios',
  description: 'The scenario labelled most likely carries a lower yardstick term than another scenario.',
  defaultSeverity: 'warning',
  safeFix: false,
  check({ model, report }) {
    for (const top of model.scenarios) {
      const rated = top.likelihood;
      if (!rated || !isMostLikely(top)) continue;
      const higher = model.scenarios.filter((other) => other !== top && other.likelihood && midpoint(other.likelihood.band) > midpoint(rated.band));
      const highest = higher.reduce<Scenario | undefined>((best, other) => (!best || midpoint(other.likelihood!.band) > midpoint(best.likelihood!.band) ? other : best), undefined);
      if (!highest) continue;
      report({
        message: `Scenario “${name(top)}” is labelled most likely but rated “${rated.term}” (${formatBand(rated.band)}), lower than scenario “${name(highest)}”, rated “${highest.likelihood!.term}” (${formatBand(highest.likelihood!.band)}).`,
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
