import { readDirectives } from '../directives.js';
import type { Rule } from './rule.js';

/** A disable comment names a rule that does not exist (a typo silences nothing). */
export const disableUnknownRule: Rule = {
  id: 'disable-unknown-rule',
  family: 'engine',
  description: 'A disable comment names no known rule.',
  defaultSeverity: 'warning',
  safeFix: false,
  check({ parsed, knownRuleIds, report }) {
    for (const directive of readDirectives(parsed)) {
      for (const rule of directive.rules) {
        if (knownRuleIds.has(rule.id)) continue;
        const nearest = nearestId(rule.id, knownRuleIds);
        report({
          message: `“${rule.id}” is not a Tradecraft rule${nearest ? `; did you mean “${nearest}”?` : '.'}`,
          span: rule.span,
          ...(nearest ? { suggestions: [{ title: `Change to “${nearest}”`, safe: false, edits: [{ span: rule.span, newText: nearest }] }] } : {}),
        });
      }
    }
  },
};

function nearestId(id: string, known: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(id.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(id, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
