import type { Assessment, Section, SubBlock } from '../model/types.js';
import { normaliseName } from '../model/headerText.js';
import type { SectionSpec } from '../schema/types.js';
import type { FixDraft, Rule } from './rule.js';
import { headingPrefix, lineStartOf } from './edits.js';

/** A required schema section is absent; the fix inserts a heading stub where the schema puts it. */
export const sectionMissing: Rule = {
  id: 'section-missing',
  family: 'structure',
  description: 'A required schema section is absent.',
  defaultSeverity: 'error',
  safeFix: false,
  check({ model, schema, source, report }) {
    const present = new Set(model.sections.map((section) => section.spec.id));
    const eol = source.eol;
    schema.sections.forEach((spec, index) => {
      if (!spec.required || present.has(spec.id)) return;
      const demoted = demotedHeading(model, spec);
      if (demoted) {
        const { section, block } = demoted;
        const line = source.lines[block.line]!;
        const hashes = /^( {0,3})(#{1,6})(?=[ \t]|$)/.exec(line.text);
        const bold = hashes ? undefined : BOLD_LINE.exec(line.text);
        const depth = section.header.depth;
        const written = normaliseName(block.title) === normaliseName(spec.title) ? '' : ` as “${block.title}”`;
        const fixTitle = `Make “${block.title}” a level-${depth} heading`;
        let fix: FixDraft | undefined;
        if (hashes && depth !== undefined) {
          fix = { title: fixTitle, safe: false, edits: [{ span: { start: line.start + hashes[1]!.length, end: line.start + hashes[0].length }, newText: '#'.repeat(depth) }] };
        } else if (bold && depth !== undefined) {
          fix = { title: fixTitle, safe: false, edits: [{ span: { start: line.start + bold[1]!.length, end: line.end }, newText: `${'#'.repeat(depth)} ${block.title}` }] };
        }
        report({
          message: bold
            ? `Required section “${spec.title}” is written${written} on line ${block.line + 1} as a bold line under the heading “${section.header.title}”, so it is read as part of that section; make it a heading at the level of the other section headings.`
            : `Required section “${spec.title}” is written${written} on line ${block.line + 1} as a sub-heading of “${section.header.title}”, so it is read as part of that section; give it the level of the other section headings.`,
          span: block.span,
          ...(fix ? { fix } : {}),
        });
        return;
      }
      // Insert before the first present section that the schema puts after this one.
      const laterIds = new Set(schema.sections.slice(index + 1).map((later) => later.id));
      const next = model.sections.find((section) => laterIds.has(section.spec.id));
      const stub = `${headingPrefix(schema)}${spec.title}${eol}${eol}`;
      let at: number;
      let newText: string;
      if (next) {
        at = lineStartOf(source, next.header.line);
        newText = stub;
      } else if (model.signOff || model.signOffCandidate) {
        at = lineStartOf(source, (model.signOff ?? model.signOffCandidate)!.line);
        newText = stub;
      } else {
        at = source.text.length;
        const endsWithNewline = /\r?\n$/.test(source.text) || source.text === '';
        newText = `${endsWithNewline ? '' : eol}${source.text.trim() === '' ? '' : eol}${headingPrefix(schema)}${spec.title}${eol}`;
      }
      const line = source.positionAt(at).line;
      const lineEnd = source.lines[line]?.end ?? at;
      report({
        message: `Required section “${spec.title}” is missing${spec.aliases.length ? ` (also recognised as: ${spec.aliases.slice(0, 4).join(', ')})` : ''}.`,
        span: { start: at, end: at < lineEnd ? lineEnd : at },
        fix: { title: `Insert a “${spec.title}” section`, safe: false, edits: [{ span: { start: at, end: at }, newText }] },
      });
    });
  },
};

/** A line that is nothing but bold text (`**Bottom Line**`, `__Bottom line:__`), after its indentation. */
const BOLD_LINE = /^( {0,3})(\*\*|__)[^*_].*\2\s*$/;

/**
 * A sub-heading that names the missing section: under a section written as a heading, deeper
 * headings are sub-blocks (`# Situation` … `## Key Judgments`), so the section is there but demoted.
 */
function demotedHeading(model: Assessment, spec: SectionSpec): { section: Section; block: SubBlock } | undefined {
  const names = new Set([spec.title, ...spec.aliases].map(normaliseName));
  for (const section of model.sections) {
    if (section.header.form !== 'heading') continue;
    const block = section.children.find((child) => names.has(normaliseName(child.title)));
    if (block) return { section, block };
  }
  return undefined;
}
