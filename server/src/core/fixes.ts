/** Applying fixes to text in one pass, so text outside the edited spans is untouched. */
import type { Finding, Fix, TextEdit } from './findings.js';

/** Applies non-overlapping edits (callers choose them with `chooseFixes`). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let result = '';
  let cursor = 0;
  for (const edit of ordered) {
    result += text.slice(cursor, edit.span.start) + edit.newText;
    cursor = Math.max(cursor, edit.span.end);
  }
  return result + text.slice(cursor);
}

/**
 * Chooses whole fixes whose edits overlap no fix chosen before them (in document order);
 * the ones left out are picked up by the next lint pass.
 */
export function chooseFixes(fixes: readonly Fix[]): Fix[] {
  const chosen: Fix[] = [];
  const taken: { start: number; end: number }[] = [];
  const overlaps = (edit: TextEdit) =>
    taken.some((t) => edit.span.start < t.end && t.start < edit.span.end);
  for (const fix of fixes) {
    if (fix.edits.some(overlaps)) continue;
    chosen.push(fix);
    for (const edit of fix.edits) taken.push(edit.span);
  }
  return chosen;
}

/** The text after applying every safe fix among the findings that can be applied together. */
export function applySafeFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const safe = findings.flatMap((finding) => (finding.fix?.safe ? [finding.fix] : []));
  const chosen = chooseFixes(safe);
  return { text: applyEdits(text, chosen.flatMap((fix) => fix.edits)), applied: chosen.length };
}
