import type { Section } from '../model/types.js';
import type { Rule } from './rule.js';

/**
 * Recognised sections must follow the schema's order. The sections already in order are the
 * longest run that follows the schema (keeping the earliest ones when several runs tie); every
 * other section is reported once, so a single misplaced section gives a single finding instead
 * of one finding for each section after it.
 */
export const sectionOrder: Rule = {
  id: 'section-order',
  family: 'structure',
  description: 'Recognised sections out of schema order.',
  defaultSeverity: 'warning',
  safeFix: false,
  check({ model, schema, report }) {
    const rank = new Map(schema.sections.map((spec, index) => [spec.id, index]));
    const seen = new Set<string>();
    // A repeated section is section-duplicate's finding; only first appearances are ordered.
    // A section with a fixed position (the bottom line) is bottom-line-position's finding.
    const sections = model.sections.filter((section) => !section.spec.position && !seen.has(section.spec.id) && seen.add(section.spec.id));
    const ranks = sections.map((section) => rank.get(section.spec.id)!);
    const inOrder = longestOrderedRun(ranks);
    const kept = sections.filter((_, index) => inOrder.has(index));
    sections.forEach((section, index) => {
      if (inOrder.has(index)) return;
      const position = ranks[index]!;
      // The first in-order section the schema puts after this one, if it comes earlier in the document…
      const before = kept.find((other) => rank.get(other.spec.id)! > position);
      if (before && before.header.line < section.header.line) {
        report(finding(section, before, 'before'));
        return;
      }
      // …otherwise the last in-order section the schema puts before this one, which comes later.
      const after = kept.findLast((other) => rank.get(other.spec.id)! < position);
      if (after) report(finding(section, after, 'after'));
    });
  },
};

function finding(section: Section, other: Section, relation: 'before' | 'after') {
  return {
    message: `Section “${section.spec.title}” should come ${relation} “${other.spec.title}” (line ${other.header.line + 1}), as the schema orders them.`,
    span: section.header.span,
    related: [{ message: `“${other.spec.title}” is here`, span: other.header.span }],
  };
}

/** Indexes of a longest strictly increasing subsequence of `ranks`, preferring the earliest elements. */
function longestOrderedRun(ranks: number[]): Set<number> {
  // longest[i]: length of the longest increasing run starting at i.
  const longest = ranks.map(() => 1);
  for (let i = ranks.length - 1; i >= 0; i--) {
    for (let j = i + 1; j < ranks.length; j++) {
      if (ranks[j]! > ranks[i]! && longest[j]! + 1 > longest[i]!) longest[i] = longest[j]! + 1;
    }
  }
  const chosen = new Set<number>();
  let need = Math.max(0, ...longest);
  let last = -Infinity;
  for (let i = 0; i < ranks.length && need > 0; i++) {
    if (longest[i] === need && ranks[i]! > last) {
      chosen.add(i);
      last = ranks[i]!;
      need--;
    }
  }
  return chosen;
}
