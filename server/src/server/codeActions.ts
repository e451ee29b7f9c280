/**
 * Code actions: each finding's fix and suggestions, "Fix all safe problems", "Disable RULE for this
 * line / file" and "Open documentation". Edits come from the core's fixes, computed for the same
 * document version the client asks about.
 */
import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { chooseFixes, type Assessment, type Finding, type Fix } from '../core/index.js';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../protocol.js';
import { ruleDocUrl } from '../ruleDocs.js';
import type { AssessmentAnalysis } from './analysis.js';
import { toDiagnostic, toTextEdits } from './convert.js';

export interface CodeActionOptions {
  /** Whether the client takes versioned `documentChanges` (so an edit never lands on a newer text). */
  documentChanges: boolean;
  /** The command that opens a rule's page: the client's own, or the server's (`Commands.showRuleDocs`). */
  ruleDocsCommand: string;
}

export function codeActions(analysis: AssessmentAnalysis, document: TextDocument, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
  const findings = analysis.result.findings;
  const edit = (edits: TextEdit[]): WorkspaceEdit =>
    options.documentChanges
      ? { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, edits)] }
      : { changes: { [document.uri]: edits } };

  const safeFixes = chooseFixes(findings.flatMap((finding) => (finding.fix?.safe ? [finding.fix] : [])));
  const fixAll = (kind: string): CodeAction => ({
    title: safeFixes.length === 1 ? 'Fix all safe problems (1 fix)' : `Fix all safe problems (${safeFixes.length} fixes)`,
    kind,
    edit: edit(safeFixes.flatMap(toTextEdits)),
  });

  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const relevant = relevantFindings(findings, params);
    const seen = new Set<string>();
    const add = (action: CodeAction) => {
      if (seen.has(action.title)) return;
      seen.add(action.title);
      actions.push(action);
    };
    const quickFix = (fix: Fix, diagnostic: Diagnostic): CodeAction => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: fix.safe,
      edit: edit(toTextEdits(fix)),
    });
    for (const finding of relevant) {
      const diagnostic = toDiagnostic(finding, document.uri);
      if (finding.fix) add(quickFix(finding.fix, diagnostic));
      for (const suggestion of finding.suggestions ?? []) add(quickFix(suggestion, diagnostic));
    }
    if (safeFixes.length > 1 && relevant.some((finding) => finding.fix?.safe)) add(fixAll(CodeActionKind.QuickFix));
    for (const finding of relevant) {
      const diagnostic = toDiagnostic(finding, document.uri);
      const block = splitsItsBlock(analysis, finding.range.start.line) ? disableForBlock(analysis, finding) : undefined;
      const line = block ? undefined : disableForLine(analysis, finding);
      if (line) add({ title: `Disable ${finding.rule} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([line]) });
      if (block) add({ title: `Disable ${finding.rule} for this ${block.what}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(block.edits) });
      add({ title: `Disable ${finding.rule} for this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([disableForFile(analysis, finding.rule)]) });
    }
    for (const finding of relevant) {
      const title = `Open documentation for ${finding.rule}`;
      add({ title, kind: CodeActionKind.QuickFix, command: { title, command: options.ruleDocsCommand, arguments: [finding.rule, ruleDocUrl(finding.rule)] } });
    }
  }
  // Only on request (`source`, `source.fixAll`…, as on save): unasked, the quick-fix flavour above serves.
  if (safeFixes.length > 0 && only && wants(FIX_ALL_KIND)) actions.push(fixAll(FIX_ALL_KIND));
  return actions;
}

/**
 * The findings the client asks about: those of the diagnostics it sends back, else those in the range.
 * Diagnostics are matched by rule, message and line, not by column: some clients send columns back
 * in their own units (bytes, not UTF-16 code units) on lines with emoji.
 */
function relevantFindings(findings: readonly Finding[], params: CodeActionParams): Finding[] {
  const ours = params.context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && typeof diagnostic.code === 'string');
  const matched = findings.filter((finding) =>
    ours.some((diagnostic) => diagnostic.code === finding.rule && diagnostic.message === finding.message && diagnostic.range.start.line === finding.range.start.line),
  );
  return matched.length > 0 ? matched : findings.filter((finding) => intersects(finding.range, params.range));
}

/** `<!-- tradecraft-disable-next-line RULE -->` above the finding's line, with its indentation; joins an existing one. */
function disableForLine(analysis: AssessmentAnalysis, finding: Finding): TextEdit | undefined {
  const { parsed } = analysis.result;
  const line = parsed.lines[finding.range.start.line];
  // A comment inside front matter or a code block would break it (and be no directive).
  if (!line || line.kind === 'frontmatter' || line.kind === 'code') return undefined;
  const previous = parsed.lines[line.index - 1];
  const existing = previous && /^(\s*<!--\s*tradecraft-disable-next-line\b(.*?))\s*-->\s*$/.exec(previous.text);
  if (existing && existing[2]!.trim() !== '') {
    const at = parsed.source.positionAt(previous.start + existing[1]!.length);
    return { range: { start: at, end: at }, newText: `, ${finding.rule}` };
  }
  const indentation = /^[ \t]*/.exec(line.text)![0];
  const at = { line: line.index, character: 0 };
  return { range: { start: at, end: at }, newText: `${indentation}<!-- tradecraft-disable-next-line ${finding.rule} -->${parsed.source.eol}` };
}

const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;

/**
 * A comment line above this line would cut its block in two: a table row (the table ends at the
 * comment), or a paragraph's continuation line (the paragraph would be split). Lines the model
 * reads as their own structure (headers, scenario fields, the sign-off) and list items take one.
 */
function splitsItsBlock(analysis: AssessmentAnalysis, index: number): boolean {
  const { parsed, model } = analysis.result;
  const line = parsed.lines[index];
  const previous = parsed.lines[index - 1];
  if (!line || !previous) return false;
  if (line.kind === 'table') return previous.kind === 'table';
  if (line.kind !== 'text' || previous.kind !== 'text' || LIST_ITEM.test(line.text) || /^\s*>/.test(line.text)) return false;
  return !structuralLines(model).has(index);
}

function structuralLines(model: Assessment): Set<number> {
  const lines = new Set<number>();
  for (const section of model.sections) {
    lines.add(section.header.line);
    for (const child of section.children) lines.add(child.line);
  }
  for (const scenario of model.scenarios) {
    lines.add(scenario.line);
    for (const field of scenario.fields) lines.add(field.line);
  }
  for (const header of model.unknownHeadings) lines.add(header.line);
  if (model.signOff) lines.add(model.signOff.line);
  if (model.signOffCandidate) lines.add(model.signOffCandidate.line);
  return lines;
}

/**
 * `<!-- tradecraft-disable RULE -->` above the table or paragraph holding the finding and
 * `<!-- tradecraft-enable RULE -->` below it: comments around a block leave its parse as it was.
 */
function disableForBlock(analysis: AssessmentAnalysis, finding: Finding): { what: string; edits: TextEdit[] } {
  const { parsed } = analysis.result;
  const { lines, source } = parsed;
  const kind = lines[finding.range.start.line]!.kind;
  let first = finding.range.start.line;
  while (first > 0 && lines[first - 1]!.kind === kind) first--;
  let last = finding.range.start.line;
  while (last + 1 < lines.length && lines[last + 1]!.kind === kind) last++;
  const indentation = /^[ \t]*/.exec(lines[first]!.text)![0];
  const eol = source.eol;
  const above = { line: first, character: 0 };
  const lastLine = lines[last]!;
  const end = source.positionAt(lastLine.end);
  return {
    what: kind === 'table' ? 'table' : 'paragraph',
    edits: [
      { range: { start: above, end: above }, newText: `${indentation}<!-- tradecraft-disable ${finding.rule} -->${eol}` },
      { range: { start: end, end }, newText: `${eol}${indentation}<!-- tradecraft-enable ${finding.rule} -->` },
    ],
  };
}

/**
 * `<!-- tradecraft-disable-file RULE -->` at the top, after front matter: the whole file, whatever
 * it holds (a plain `tradecraft-disable` would end at a later `tradecraft-enable`).
 */
function disableForFile(analysis: AssessmentAnalysis, rule: string): TextEdit {
  const { parsed } = analysis.result;
  const { source } = parsed;
  const eol = source.eol;
  const comment = `<!-- tradecraft-disable-file ${rule} -->`;
  if (parsed.frontMatter) {
    const closing = source.positionAt(parsed.frontMatter.span.end);
    const next = source.lines[closing.line + 1];
    if (next) return { range: { start: { line: next.index, character: 0 }, end: { line: next.index, character: 0 } }, newText: `${comment}${eol}` };
    const end = source.positionAt(source.text.length);
    return { range: { start: end, end }, newText: `${eol}${comment}${eol}` };
  }
  const start = { line: 0, character: 0 };
  return { range: { start, end: start }, newText: `${comment}${eol}` };
}

function intersects(a: Range, b: Range): boolean {
  const before = (x: { line: number; character: number }, y: { line: number; character: number }) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
