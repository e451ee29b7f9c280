/**
 * Moving positions across an edit inside one line: what stood before the edit stays, what stood
 * after it moves by the length the edit added or removed. The model and findings of a document
 * are carried across such edits this way (see edit.ts).
 */
import type { Finding, Fix } from './findings.js';
import type { Actor, Assessment, Header, LikelihoodMention, Section } from './model/types.js';
import type { SourceText, Span } from './text.js';

/** `[at, end)` was replaced by `length` characters; the edited line ended at `lineEnd`. */
export interface Move {
  at: number;
  end: number;
  length: number;
  lineEnd: number;
}

/** Where a span that started at `offset` starts after the move. */
export function movedStart(offset: number, move: Move): number {
  if (offset < move.at) return offset;
  if (offset >= move.end) return offset + move.length - (move.end - move.at);
  return move.at + move.length;
}

/**
 * Where a span that ended at `offset` ends after the move. A span that ends where characters are
 * typed does not take them in, unless it ends with its line: text typed at the end of a line
 * belongs to whatever runs to the line's end (a section, a scenario).
 */
export function movedEnd(offset: number, move: Move): number {
  if (offset < move.at) return offset;
  if (offset === move.at && move.at === move.end && offset !== move.lineEnd) return offset;
  if (offset >= move.end) return offset + move.length - (move.end - move.at);
  return move.at;
}

export function movedSpan(span: Span, moves: readonly Move[]): Span {
  let { start, end } = span;
  for (const move of moves) {
    start = movedStart(start, move);
    // An empty span where characters are typed goes with them.
    end = Math.max(movedEnd(end, move), start);
  }
  return start === span.start && end === span.end ? span : { start, end };
}

/** The findings with their spans moved and their ranges read from the edited text. */
export function movedFinding(finding: Finding, moves: readonly Move[], source: SourceText): Finding {
  const span = movedSpan(finding.span, moves);
  const moved: Finding = { ...finding, span, range: source.rangeOf(span) };
  if (finding.fix) moved.fix = movedFix(finding.fix, moves, source);
  if (finding.suggestions) moved.suggestions = finding.suggestions.map((fix) => movedFix(fix, moves, source));
  if (finding.related) {
    moved.related = finding.related.map((related) => {
      const relatedSpan = movedSpan(related.span, moves);
      return { ...related, span: relatedSpan, range: source.rangeOf(relatedSpan) };
    });
  }
  return moved;
}

function movedFix(fix: Fix, moves: readonly Move[], source: SourceText): Fix {
  return {
    ...fix,
    edits: fix.edits.map((edit) => {
      const span = movedSpan(edit.span, moves);
      return { ...edit, span, range: source.rangeOf(span) };
    }),
  };
}

/** The model with every span moved (new objects throughout; the schema's specs are shared). */
export function movedModel(model: Assessment, moves: readonly Move[]): Assessment {
  const span = (value: Span) => movedSpan(value, moves);
  const header = (value: Header): Header => {
    const moved: Header = { ...value, span: span(value.span), titleSpan: span(value.titleSpan) };
    if (value.restStart !== undefined) moved.restStart = moves.reduce((offset, move) => movedStart(offset, move), value.restStart);
    return moved;
  };
  const likelihood = <T extends { likelihood?: LikelihoodMention }>(moved: T): T => {
    if (moved.likelihood) moved.likelihood = { ...moved.likelihood, span: span(moved.likelihood.span) };
    return moved;
  };
  const sections = new Map<Section, Section>();
  for (const section of model.sections) {
    sections.set(section, {
      ...section,
      header: header(section.header),
      span: span(section.span),
      bodyLines: { ...section.bodyLines },
      children: section.children.map((child) => ({ ...child, span: span(child.span) })),
    });
  }
  const moved: Assessment = {
    ...model,
    preamble: { ...model.preamble, lines: { ...model.preamble.lines } },
    sections: model.sections.map((section) => sections.get(section)!),
    scenarios: model.scenarios.map((scenario) =>
      likelihood({
        ...scenario,
        header: header(scenario.header),
        span: span(scenario.span),
        fields: scenario.fields.map((field) => ({ ...field, span: span(field.span), nameSpan: span(field.nameSpan), valueSpan: span(field.valueSpan) })),
      }),
    ),
    judgments: model.judgments.map((judgment) => likelihood({ ...judgment, span: span(judgment.span) })),
    actors: model.actors.map(
      (actor): Actor => ({
        ...actor,
        mentions: actor.mentions.map((mention) => ({ ...mention, span: span(mention.span) })),
        positions: actor.positions.map((position) => ({ ...position, span: span(position.span) })),
      }),
    ),
    unknownHeadings: model.unknownHeadings.map(header),
  };
  if (model.scenarioSection) moved.scenarioSection = sections.get(model.scenarioSection)!;
  if (model.frontMatter) moved.frontMatter = { ...model.frontMatter, span: span(model.frontMatter.span) };
  if (model.title) moved.title = { ...model.title, span: span(model.title.span) };
  const { preamble } = model;
  if (preamble.questionSpan) moved.preamble.questionSpan = span(preamble.questionSpan);
  if (preamble.author) moved.preamble.author = { ...preamble.author, span: span(preamble.author.span) };
  if (model.signOff) {
    moved.signOff = { ...model.signOff, span: span(model.signOff.span) };
    if (model.signOff.organizationSpan) moved.signOff.organizationSpan = span(model.signOff.organizationSpan);
  }
  if (model.signOffCandidate) moved.signOffCandidate = { ...model.signOffCandidate, span: span(model.signOffCandidate.span) };
  return moved;
}
