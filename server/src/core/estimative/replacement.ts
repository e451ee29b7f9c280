/** Writing a suggested term into the sentence: in the author's letter case, and only where it takes the same place. */
import type { YardstickTerm } from './yardsticks.js';

/** The replacement written in the case of the original (`Probably` → `Likely`, `LIKELY` → `PROBABLE`). */
export function matchCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase() && original !== original.toLowerCase()) return replacement.toUpperCase();
  if (/^\p{Lu}/u.test(original)) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

/** Whether a term can stand where a phrase of this role stood: a noun phrase for a noun phrase, a modifier for a modifier. */
export function fitsInPlace(term: YardstickTerm, role: 'noun' | 'modifier' | 'clause'): boolean {
  return role === 'noun' ? term.noun : role === 'modifier' ? !term.noun : false;
}
