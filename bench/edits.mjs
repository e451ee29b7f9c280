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
  return offsetsIn(text, [...text.matchAll(PROSE_LINE)].map((match) => ({ start: match.index, text: match[0] })), count);
}

/** `count` offsets spread evenly over the text, each just before a word in the middle of one of `lines`. */
function offsetsIn(text, lines, count) {
  if (lines.length === 0) throw new Error('No line to type into.');
  const offsets = [];
  for (let i = 0; i < count; i++) {
    const wanted = ((i + 0.5) / count) * text.length;
    const line = lines.find((candidate) => candidate.start >= wanted) ?? lines[lines.length - 1];
    const space = line.text.indexOf(' ', line.text.length >> 1);
    offsets.push(line.start + (space < 0 ? line.text.length >> 1 : space + 1));
  }
  return offsets;
}

/** A key judgment (`12. …`) or a scenario field (`- Outcome: …`): lines the model holds as text. */
const STRUCTURE_LINE = /^(?:\d+\. |- (?:Trigger|Outcome|Why|Indicators): )[^\n]{40,}$/gm;

/**
 * Like `keystrokeOffsets`, in key judgments and scenario fields: an edit there changes what the
 * model holds, so it is checked in full rather than carried over (see core/edit.ts).
 * @param {string} text
 * @param {number} count
 * @returns {number[]}
 */
export function structureOffsets(text, count) {
  return offsetsIn(text, [...text.matchAll(STRUCTURE_LINE)].map((match) => ({ start: match.index, text: match[0] })), count);
}

/**
 * The texts after typing `x` at each offset and deleting it again: two keystrokes per place. Each
 * also carries the change as an editor sends it to a server that syncs incrementally.
 */
export function* keystrokes(text, offsets) {
  for (const offset of offsets) {
    const at = positionAt(text, offset);
    yield { offset, kind: 'type', text: `${text.slice(0, offset)}x${text.slice(offset)}`, change: { range: { start: at, end: at }, text: 'x' } };
    yield { offset, kind: 'delete', text, change: { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' } };
  }
}

/** The LSP position (line, UTF-16 column) of an offset, for LF text. */
function positionAt(text, offset) {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return { line, character: offset - lineStart };
}

/**
 * Typing as a user does: `perPlace` characters one after another at each offset (a word growing
 * in a prose line), as range changes. Offsets must lie on different lines, in document order.
 */
export function* typing(text, offsets, perPlace) {
  for (const offset of offsets) {
    const at = positionAt(text, offset);
    for (let typed = 0; typed < perPlace; typed++) {
      const position = { line: at.line, character: at.character + typed };
      yield { change: { range: { start: position, end: position }, text: 'x' } };
    }
  }
}
