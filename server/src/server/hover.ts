/**
 * Hover: a yardstick term's band and the standard defining it, what the schema expects of a section
 * header, the parsed sign-off or author line, and the rule (with its documentation link) behind
 * each finding under the cursor.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { formatBand } from '../core/estimative/index.js';
import { estimativeTermAt, ruleById, type Schema, type SectionSpec, type Span, type TermInfo } from '../core/index.js';
import { ruleDocUrl } from '../ruleDocs.js';
import type { AssessmentAnalysis } from './analysis.js';

export function hover(analysis: AssessmentAnalysis, position: Position): Hover | null {
  const { parsed, model, schema, findings } = analysis.result;
  const { source } = parsed;
  const offset = source.offsetAt(position);
  const covers = (span: Span) => span.start <= offset && offset <= span.end;

  const parts: string[] = [];
  let range: Span | undefined;
  const narrowest = (span: Span) => {
    if (!range || span.end - span.start < range.end - range.start) range = span;
  };

  const term = estimativeTermAt(parsed, schema, offset);
  if (term) {
    parts.push(describeTerm(term));
    narrowest(term.span);
  }

  const section = model.sections.find((candidate) => covers(candidate.header.span));
  if (section) {
    parts.push(describeSection(section.spec, schema, analysis.schemaLabel));
    narrowest(section.header.span);
  }

  const { signOff } = model;
  if (signOff && (covers(signOff.span) || (signOff.organizationSpan && covers(signOff.organizationSpan)))) {
    const rows = [`| agent | ${cell(signOff.agentId)} |`, `| role | ${cell(signOff.role)} |`, `| organization | ${signOff.organization ? cell(signOff.organization) : '—'} |`];
    parts.push(['**Sign-off**', '', '| | |', '|---|---|', ...rows].join('\n'));
    narrowest(signOff.organizationSpan && covers(signOff.organizationSpan) ? signOff.organizationSpan : signOff.span);
  }
  const author = model.preamble.author;
  if (author && covers(author.span)) {
    parts.push(`**Author line** — agent \`${author.agentId}\`, role ${author.role}${signOff && signOff.agentId !== author.agentId ? ` (the sign-off names \`${signOff.agentId}\`)` : ''}`);
    narrowest(author.span);
  }

  const described = new Set<string>();
  for (const finding of findings) {
    if (!covers(finding.span)) continue;
    narrowest(finding.span);
    // Several findings of one rule here (say, three missing sections) need its description once.
    if (described.has(finding.rule)) continue;
    described.add(finding.rule);
    const rule = ruleById(finding.rule);
    parts.push(`**${finding.rule}** (${finding.severity})${rule ? ` — ${rule.description}` : ''} [Rule documentation](${ruleDocUrl(finding.rule)})`);
  }

  if (parts.length === 0 || !range) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: source.rangeOf(range) };
}

function describeTerm(term: TermInfo): string {
  if (term.kind === 'confidence') {
    return `**${term.term}** — a confidence level of the ${term.yardstick} yardstick: how well founded the judgment is, not how likely the event\n\nDefined in ${term.standard}.`;
  }
  const band = term.band ? ` — ${formatBand(term.band, term.open)}` : '';
  return `**${term.term}**${band} on the ${term.yardstick} yardstick\n\nDefined in ${term.standard}.`;
}

function describeSection(spec: SectionSpec, schema: Schema, schemaLabel: string): string {
  const index = schema.sections.indexOf(spec);
  const facts = [
    spec.required ? 'required' : 'optional',
    `section ${index + 1} of ${schema.sections.length} in \`${schemaLabel}\``,
  ];
  if (spec.role) facts.push(`role: ${spec.role}`);
  if (spec.position) facts.push(`must come ${spec.position}`);
  const lines = [`**${spec.title}** — ${facts.join(' · ')}`];
  if (spec.aliases.length > 0) lines.push(`Also recognised as: ${spec.aliases.join(', ')}`);
  if (spec.role === 'scenarios') {
    const required = schema.scenarios.fields.filter((field) => field.required).map((field) => field.title);
    lines.push(`At least ${schema.scenarios.min} scenarios${required.length ? `, each with ${required.join(' and ')}` : ''}.`);
  }
  return lines.join('\n\n');
}

/** Table cells must not break the table. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}
