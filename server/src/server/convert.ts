/** Pure converters from the core's plain data (findings, fixes, schema problems) to LSP shapes. */
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { Finding, Fix, SchemaProblem, Severity } from '../core/index.js';
import { DIAGNOSTIC_SOURCE, type DiagnosticData, type DiagnosticFix, type FindingCounts } from '../protocol.js';
import { ruleDocUrl } from '../ruleDocs.js';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding, documentUri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleDocUrl(finding.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((related) => ({ location: { uri: documentUri, range: related.range }, message: related.message }));
  }
  const data: DiagnosticData = {};
  if (finding.fix) data.fix = toDiagnosticFix(finding.fix);
  if (finding.suggestions?.length) data.suggestions = finding.suggestions.map(toDiagnosticFix);
  if (data.fix || data.suggestions) diagnostic.data = data;
  return diagnostic;
}

export function toDiagnosticFix(fix: Fix): DiagnosticFix {
  return { title: fix.title, safe: fix.safe, edits: toTextEdits(fix) };
}

export function toTextEdits(fix: Fix): TextEdit[] {
  return fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText }));
}

/** A problem of a schema file, shown in the schema file itself. */
export function schemaProblemToDiagnostic(problem: SchemaProblem): Diagnostic {
  return { range: problem.range, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, message: problem.message };
}

/** A one-line note when a document is not checked at all (too large, binary). */
export function noticeDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    message,
  };
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const finding of findings) {
    if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
    else if (finding.severity === 'info') counts.infos++;
    else counts.hints++;
  }
  return counts;
}
