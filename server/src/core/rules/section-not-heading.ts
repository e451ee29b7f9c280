import type { Rule } from './rule.js';
import { headingPrefix, quotePrefix } from './edits.js';

/** A section written as a title line or lead-in label; the safe fix makes it a Markdown heading. */
export const sectionNotHeading: Rule = {
  id: 'section-not-heading',
  family: 'structure',
  description: 'Section written as a title line or lead-in label, not a Markdown heading.',
  defaultSeverity: 'info',
  safeFix: true,
  check({ model, schema, source, report }) {
    const prefix = headingPrefix(schema);
    for (const section of model.sections) {
      const { header } = section;
      if (header.form === 'heading') continue;
      const lineText = source.lines[header.line]!.text;
      let edit: { span: { start: number; end: number }; newText: string };
      let kind: string;
      if (header.form === 'lead-in') {
        kind = 'a lead-in label';
        const quote = quotePrefix(lineText);
        const eol = source.eol;
        edit = header.restStart === undefined
          ? { span: header.span, newText: `${prefix}${header.title}` }
          : { span: { start: header.span.start, end: header.restStart }, newText: `${prefix}${header.title}${eol}${quote.trimEnd()}${eol}${quote}` };
      } else {
        kind = 'a title line';
        const bold = /^(\*\*|__)(.+?)\1(:?)\s*$/.exec(source.text.slice(header.span.start, header.span.end));
        edit = bold ? { span: header.span, newText: `${prefix}${bold[2]}${bold[3]}` } : { span: { start: header.span.start, end: header.span.start }, newText: prefix };
      }
      report({
        message: `Section “${section.spec.title}” is written as ${kind}, not a Markdown heading; Markdown renderers and tools other than Tradecraft won't see it as a section.`,
        span: header.span,
        fix: { title: `Convert to a level-${schema.headingLevel} heading`, safe: true, edits: [edit] },
      });
    }
  },
};

