/**
 * Completion, by where the cursor is: rule ids inside disable comments; scenario field names
 * (missing required ones first) at the start of a line in a scenario; section titles the schema
 * expects next at the start of other lines; the sign-off template near the end; the yardstick's
 * terms and confidence levels in prose.
 */
import {
  CompletionItemKind,
  CompletionTriggerKind,
  InsertTextFormat,
  type CompletionContext,
  type CompletionItem,
  type Position,
  type Range,
} from 'vscode-languageserver';
import { formatBand } from '../core/estimative/index.js';
import { RULES, yardstickVocabulary, type Scenario, type Section } from '../core/index.js';
import type { AssessmentAnalysis } from './analysis.js';

export interface CompletionOptions {
  snippetSupport: boolean;
}

/** Characters that open completion in a disable comment (`-->` lists rules after a space or comma). */
export const COMPLETION_TRIGGER_CHARACTERS = [' ', ','];

const DIRECTIVE_NAMES = ['disable-next-line', 'disable-file', 'disable', 'enable'];

export function completions(analysis: AssessmentAnalysis, position: Position, context: CompletionContext | undefined, options: CompletionOptions): CompletionItem[] {
  const { parsed } = analysis.result;
  const line = parsed.lines[position.line];
  if (!line || line.kind === 'frontmatter' || line.kind === 'code') return [];
  const before = line.text.slice(0, position.character);
  const replace = (length: number): Range => ({ start: { line: position.line, character: position.character - length }, end: position });

  const inComment = directiveCompletions(before, replace);
  if (inComment) return inComment;
  // Space and comma open completion only in disable comments; in prose they would pop up on every word.
  if (context?.triggerKind === CompletionTriggerKind.TriggerCharacter) return [];

  const marker = /^\s*(?:>\s*)*(#{1,6}\s+|[-*+]\s+|\d{1,3}[.)]\s+)?/.exec(before)![0];
  const typed = before.slice(marker.length);
  const atLineStart = /^[\p{L}\p{N}'’&() -]*$/u.test(typed) && typed.trim().split(/\s+/).length <= 4;
  const prose = line.kind === 'text' || line.kind === 'blank' || line.kind === 'table' || line.kind === 'heading' ? vocabularyCompletions(analysis, before, replace) : [];
  if (!atLineStart) return prose;

  const { model, schema } = analysis.result;
  const section = [...model.sections].reverse().find((candidate) => candidate.header.line < position.line);
  const scenario = section?.spec.role === 'scenarios' ? scenarioAt(model.scenarios, section, position.line) : undefined;
  const typedRange = replace(typed.length);
  // Structure first; once a word is typed, a sentence may also open with a yardstick term.
  const words = typed.trim() === '' ? [] : prose;
  // What replaces the typed words must be what they begin: “It is ” is a sentence, not a heading.
  const fitsTyped = (item: CompletionItem) => startsAWord(item.filterText ?? item.label, typed);
  if (scenario) return [...fieldCompletions(analysis, scenario, marker, typedRange).filter(fitsTyped), ...words];
  const items = /^\s*(?:>\s*)*[-*+\d]/.test(marker) ? [] : sectionCompletions(analysis, section, marker, typedRange);
  // Near the end: after the header of the closing section (the bottom line, or the schema's last).
  const closing = section !== undefined && (section.spec.role === 'bottom-line' || section.spec === schema.sections[schema.sections.length - 1]);
  if (closing && !model.signOff && marker.trim() === '' && onlyBlankAfter(parsed.lines, position.line)) items.push(signOffCompletion(analysis, typedRange, options));
  return [...items.filter(fitsTyped), ...words];
}

/** Whether every line after `line` is blank: the sign-off closes the document, below the bottom line's text. */
function onlyBlankAfter(lines: readonly { kind: string }[], line: number): boolean {
  for (let index = line + 1; index < lines.length; index++) if (lines[index]!.kind !== 'blank') return false;
  return true;
}

/** Whether `typed` (nothing, or the start of a line) begins `label` or one of its words, ignoring case. */
function startsAWord(label: string, typed: string): boolean {
  const start = typed.trim().toLowerCase();
  if (start === '') return true;
  const text = label.toLowerCase();
  return text.startsWith(start) || text.split(/[\s,/-]+/).some((word) => word.startsWith(start));
}

function directiveCompletions(before: string, replace: (length: number) => Range): CompletionItem[] | undefined {
  const rules = /<!--\s*tradecraft-(?:disable-next-line|disable-file|disable|enable)\s+(?:[\w-]+\s*,?\s*)*?([\w-]*)$/.exec(before);
  if (rules) {
    const range = replace(rules[1]!.length);
    return RULES.map((rule) => ({
      label: rule.id,
      kind: CompletionItemKind.Reference,
      detail: `${rule.family} · ${rule.defaultSeverity}`,
      documentation: rule.description,
      textEdit: { range, newText: rule.id },
    }));
  }
  const directive = /<!--\s*(tradecraft-[\w-]*)$/.exec(before);
  if (directive) {
    const range = replace(directive[1]!.length);
    return DIRECTIVE_NAMES.map((name) => ({ label: `tradecraft-${name}`, kind: CompletionItemKind.Keyword, textEdit: { range, newText: `tradecraft-${name}` } }));
  }
  return undefined;
}

/** The scenario a line belongs to: the last one whose header is above it, in the same section. */
function scenarioAt(scenarios: readonly Scenario[], section: Section, line: number): Scenario | undefined {
  return [...scenarios].reverse().find((scenario) => scenario.line < line && scenario.span.start >= section.span.start && line < section.bodyLines.end);
}

function fieldCompletions(analysis: AssessmentAnalysis, scenario: Scenario, marker: string, range: Range): CompletionItem[] {
  const { schema, parsed } = analysis.result;
  const present = new Set(scenario.fields.map((field) => field.id));
  // A new field copies the list marker the scenario's fields already use.
  const sample = scenario.fields[0] ? parsed.lines[scenario.fields[0].line]?.text : undefined;
  const sampleMarker = sample ? (/^\s*(?:[-*+]\s+)?/.exec(sample)![0].trimStart()) : '- ';
  const prefix = marker.trim() === '' ? sampleMarker : '';
  const missing = schema.scenarios.fields.filter((field) => !present.has(field.id));
  const ordered = [...missing.filter((field) => field.required), ...missing.filter((field) => !field.required)];
  return ordered.map((field, index) => ({
    label: field.title,
    kind: CompletionItemKind.Field,
    detail: field.required ? 'required scenario field (missing)' : 'scenario field',
    documentation: field.aliases.length > 1 ? `Also written as: ${field.aliases.filter((alias) => alias !== field.title).join(', ')}` : undefined,
    sortText: String(index).padStart(3, '0'),
    filterText: field.title,
    textEdit: { range, newText: `${prefix}${field.title}: ` },
  }));
}

/** Missing sections: those the schema puts after the cursor's section first, then earlier ones. */
function sectionCompletions(analysis: AssessmentAnalysis, current: Section | undefined, marker: string, range: Range): CompletionItem[] {
  const { schema, model } = analysis.result;
  const present = new Set(model.sections.map((section) => section.spec.id));
  const currentIndex = current ? schema.sections.indexOf(current.spec) : -1;
  const missing = schema.sections.filter((spec) => !present.has(spec.id));
  const after = missing.filter((spec) => schema.sections.indexOf(spec) > currentIndex);
  const ordered = [...after, ...missing.filter((spec) => !after.includes(spec))];
  const heading = marker.includes('#') ? '' : `${'#'.repeat(schema.headingLevel)} `;
  return ordered.map((spec, index) => ({
    label: spec.title,
    kind: CompletionItemKind.Module,
    detail: [spec.required ? 'required section' : 'optional section', spec.role && `(${spec.role})`].filter(Boolean).join(' '),
    documentation: spec.aliases.length ? `Also recognised as: ${spec.aliases.join(', ')}` : undefined,
    sortText: String(index).padStart(3, '0'),
    filterText: spec.title,
    textEdit: { range, newText: `${heading}${spec.title}` },
  }));
}

/** The schema's sign-off template, with the author line's agent and role filled in when there is one. */
function signOffCompletion(analysis: AssessmentAnalysis, range: Range, options: CompletionOptions): CompletionItem {
  const { schema, model } = analysis.result;
  const author = model.preamble.author;
  const template = author ? `${author.agentId}, ${author.role}` : schema.signOff.template;
  const organization = schema.signOff.organization === 'required';
  const item: CompletionItem = {
    label: template,
    kind: CompletionItemKind.Snippet,
    detail: 'sign-off',
    documentation: `The closing lines: \`AGENT-ID, Role\`${schema.signOff.organization === 'forbidden' ? '' : ' then the organisation'} (pattern \`${schema.signOff.pattern}\`).`,
    sortText: '999',
    filterText: template,
  };
  if (options.snippetSupport) {
    const [agent, ...role] = template.split(', ');
    item.insertTextFormat = InsertTextFormat.Snippet;
    const organizationLine = organization ? `${analysis.result.parsed.source.eol}\${3:Organization}` : '';
    item.textEdit = { range, newText: `\${1:${escapeSnippet(agent ?? '')}}, \${2:${escapeSnippet(role.join(', '))}}${organizationLine}$0` };
  } else {
    item.textEdit = { range, newText: template };
  }
  return item;
}

/**
 * The yardstick's terms (strongest first, with their bands) and confidence levels. A multi-word
 * term replaces as many of the words before the cursor as it starts with (“roughly ev” → “roughly
 * even chance”), keeping a capital when the sentence starts with the term.
 */
function vocabularyCompletions(analysis: AssessmentAnalysis, before: string, replace: (length: number) => Range): CompletionItem[] {
  const vocabulary = yardstickVocabulary(analysis.result.schema);
  const entries = [
    ...vocabulary.terms.map((term) => ({
      text: term.term,
      kind: CompletionItemKind.Value,
      detail: `${formatBand(term.band, term.open)} · ${vocabulary.name}${term.row === undefined ? '' : ` row ${term.row}`}`,
      documentation: `Defined in ${term.standard}.`,
    })),
    ...vocabulary.confidenceLevels.map((level) => ({
      text: `${level.toLowerCase()} confidence`,
      kind: CompletionItemKind.EnumMember,
      detail: `confidence level · ${vocabulary.name}`,
      documentation: 'Confidence is about the basis of a judgment (sourcing, assumptions, argument), not about the event; state it in a sentence of its own.',
    })),
  ];
  return entries.map((entry, index) => {
    const typed = typedPrefixOf(before, entry.text);
    const newText = /^\p{Lu}/u.test(typed) ? entry.text.charAt(0).toUpperCase() + entry.text.slice(1) : entry.text;
    return {
      label: entry.text,
      kind: entry.kind,
      detail: entry.detail,
      documentation: entry.documentation,
      sortText: `1${String(index).padStart(3, '0')}`,
      filterText: newText,
      textEdit: { range: replace(typed.length), newText },
    };
  });
}

/** The longest run of words before the cursor that the term starts with, else the word being typed. */
function typedPrefixOf(before: string, term: string): string {
  const words = term.split(' ').length;
  for (let count = words; count > 1; count--) {
    const tail = new RegExp(`(?:^|\\s)((?:\\S+\\s+){${count - 1}}\\S*)$`).exec(before)?.[1];
    if (tail && term.startsWith(tail.toLowerCase().replace(/\s+/g, ' '))) return tail;
  }
  return /[\p{L}-]*$/u.exec(before)![0];
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
