/**
 * Keystrokes for B3 and B4: one character typed into a prose line, then deleted again, at places
 * spread evenly over the document (each inside one section's paragraph, never on a heading).
 */

/** A paragraph line: starts with a letter (not a heading, list item, field or sign-off). */
const PROSE_LINE = /^[A-Z][a-z]+ [^\n]{40,}$/gm;

/**
 * @param {string} text
 * @param {number} count how many places
 * @returns {number[]} offsets, in document order, each just before a word in the middle of a prose line
 */
export function keystrokeOffsets(text, count) {
  const lines = [...text.matchAll(PROSE_LINE)].map((match) => ({ start: match.index, text: match[0] }));
  if (lines.length === 0) throw new Error('No prose line to type into.');
  const offsets = [];
  for (let i = 0; i < count; i++) {
    const wanted = ((i + 0.5) / count) * text.length;
    const line = lines.find((candidate) => candidate.start >= wanted) ?? lines[lines.length - 1];
    const space = line.text.indexOf(' ', line.text.length >> 1);
    offsets.push(line.start + (space < 0 ? line.text.length >> 1 : space + 1));
  }
  return offsets;
}

/** The texts after typing `x` at each offset and deleting it again: two keystrokes per place. */
export function* keystrokes(text, offsets) {
  for (const offset of offsets) {
    yield { offset, kind: 'type', text: `${text.slice(0, offset)}x${text.slice(offset)}` };
    yield { offset, kind: 'delete', text };
  }
}
