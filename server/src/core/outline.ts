/**
 * The outline: the model as plain JSON with 1-based lines, the shape `tradecraft outline`
 * prints and the `tradecraft/outline` request returns (see the CLI contract).
 */
import type { Assessment, LikelihoodMention } from './model/types.js';
import type { SourceText, Span } from './text.js';

export interface OutlineRange {
  /** 1-based lines, 1-based UTF-16 columns; end exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface OutlineLikelihood {
  term: string;
  band: [number, number];
}

export interface Outline {
  version: 1;
  path: string;
  schema: string;
  title: string | null;
  preamble: {
    question: string | null;
    author: { agentId: string; role: string; line: number } | null;
  };
  sections: {
    id: string;
    title: string;
    subtitle: string | null;
    line: number;
    form: 'heading' | 'title-line' | 'lead-in';
    range: OutlineRange;
    children: { title: string; line: number; range: OutlineRange }[];
  }[];
  scenarios: {
    label: string;
    horizon: string | null;
    title: string;
    line: number;
    range: OutlineRange;
    likelihood: OutlineLikelihood | null;
    fields: Record<string, string>;
    fieldLines: Record<string, number>;
  }[];
  judgments: { text: string; line: number; likelihood: OutlineLikelihood | null }[];
  actors: {
    name: string;
    source: 'schema' | 'gazetteer';
    mentions: number;
    firstLine: number | null;
    mentionLines: number[];
    positions: { label: string; line: number }[];
  }[];
  signOff: { agentId: string; role: string; organization: string | null; line: number } | null;
}

export function toOutline(model: Assessment, source: SourceText, path: string, schema: string): Outline {
  const range = (span: Span): OutlineRange => {
    const { start, end } = source.rangeOf(span);
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  };
  const likelihood = (mention: LikelihoodMention | undefined): OutlineLikelihood | null => (mention ? { term: mention.term, band: mention.band } : null);
  const { preamble, signOff } = model;
  return {
    version: 1,
    path,
    schema,
    title: model.title?.text ?? null,
    preamble: {
      question: preamble.question ?? null,
      author: preamble.author ? { agentId: preamble.author.agentId, role: preamble.author.role, line: preamble.author.line + 1 } : null,
    },
    sections: model.sections.map((section) => ({
      id: section.spec.id,
      title: section.spec.title,
      subtitle: section.header.subtitle ?? null,
      line: section.header.line + 1,
      form: section.header.form,
      range: range(section.span),
      children: section.children.map((child) => ({ title: child.title, line: child.line + 1, range: range(child.span) })),
    })),
    scenarios: model.scenarios.map((scenario) => ({
      label: scenario.label,
      horizon: scenario.horizon ?? null,
      title: scenario.title,
      line: scenario.line + 1,
      range: range(scenario.span),
      likelihood: likelihood(scenario.likelihood),
      fields: Object.fromEntries(scenario.fields.map((field) => [field.id, field.value])),
      fieldLines: Object.fromEntries(scenario.fields.map((field) => [field.id, field.line + 1])),
    })),
    judgments: model.judgments.map((judgment) => ({ text: judgment.text, line: judgment.line + 1, likelihood: likelihood(judgment.likelihood) })),
    actors: model.actors.map((actor) => ({
      name: actor.name,
      source: actor.source,
      mentions: actor.mentions.length,
      firstLine: actor.mentions[0] ? actor.mentions[0].line + 1 : null,
      mentionLines: actor.mentions.map((mention) => mention.line + 1),
      positions: actor.positions.map((position) => ({ label: position.label, line: position.line + 1 })),
    })),
    signOff: signOff
      ? { agentId: signOff.agentId, role: signOff.role, organization: signOff.organization ?? null, line: signOff.line + 1 }
      : null,
  };
}
