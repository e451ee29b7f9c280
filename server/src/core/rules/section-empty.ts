import type { Rule } from './rule.js';
import { withoutHtmlComments } from '../text.js';

/** A section header with nothing under it before the next header. */
export const sectionEmpty: Rule = {
  id: 'section-empty',
  family: 'structure',
  description: 'A section header with no body before the next header.',
  defaultSeverity: 'warning',
  safeFix: false,
  check({ model, parsed, report }) {
    for (const section of model.sections) {
      if (section.hasBody || hasBlockContent(parsed.lines, section.bodyLines)) continue;
      report({ message: `Section “${section.spec.title}” is empty: nothing follows its header before the next one.`, span: section.header.span });
    }
  },
};

/** A code block or an HTML block (other than comments) is a body too: the model only reads text lines. */
function hasBlockContent(lines: readonly { kind: string; text: string }[], range: { first: number; end: number }): boolean {
  const html: string[] = [];
  for (let index = range.first; index < range.end; index++) {
    const line = lines[index];
    if (!line) break;
    if (line.kind === 'code') return true;
    if (line.kind === 'html') html.push(line.text);
  }
  // Comments may span lines, so they are removed from the HTML as a whole.
  return withoutHtmlComments(html.join('\n')).trim() !== '';
}
