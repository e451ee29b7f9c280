/** Small helpers rules use to build fix edits that match the document's own conventions. */
import type { Schema } from '../schema/types.js';
import type { SourceText } from '../text.js';

export function headingPrefix(schema: Schema, extraLevels = 0): string {
  return `${'#'.repeat(Math.min(6, schema.headingLevel + extraLevels))} `;
}

export function lineStartOf(source: SourceText, line: number): number {
  return source.lines[line]?.start ?? source.text.length;
}

/** The blockquote prefix (`> `) a line's content sits behind, to repeat on inserted lines. */
export function quotePrefix(lineText: string): string {
  return /^(\s*(?:>\s?)+)/.exec(lineText)?.[1] ?? '';
}
