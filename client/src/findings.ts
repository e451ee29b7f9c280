/** The server's diagnostics of a document, read back as plain findings for the views. */
import * as vscode from 'vscode';
import type { Severity } from '../../server/src/core/findings.js';
import { DIAGNOSTIC_SOURCE } from './constants.js';
import type { PreviewFinding } from './preview/renderPreview.js';

const SEVERITIES: Record<vscode.DiagnosticSeverity, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** The rule id of a Tradecraft diagnostic (its code, which may carry the rule's doc link). */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const { code } = diagnostic;
  if (typeof code === 'object') return String(code.value);
  return code === undefined ? '' : String(code);
}

export function tradecraftFindings(uri: vscode.Uri): PreviewFinding[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE)
    .map((diagnostic) => ({
      severity: SEVERITIES[diagnostic.severity],
      message: diagnostic.message,
      rule: ruleOf(diagnostic),
      line: diagnostic.range.start.line + 1,
    }));
}
