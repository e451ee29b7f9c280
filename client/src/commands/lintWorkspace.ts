/**
 * Lint Workspace: the server checks every assessment of the workspace from disk on its own
 * (workspace diagnostics); this asks for fresh results, opens the Problems view and sums them up.
 */
import * as vscode from 'vscode';
import { DocumentDiagnosticRequest, type LanguageClient } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE } from '../constants.js';

export interface WorkspaceSummary {
  files: number;
  errors: number;
  warnings: number;
  others: number;
}

export async function lintWorkspace(client: LanguageClient, ready: Promise<void>): Promise<WorkspaceSummary> {
  await ready;
  client.getFeature(DocumentDiagnosticRequest.method)?.refresh();
  const summary: WorkspaceSummary = { files: 0, errors: 0, warnings: 0, others: 0 };
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    const ours = diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) continue;
    summary.files++;
    for (const diagnostic of ours) {
      if (diagnostic.severity === vscode.DiagnosticSeverity.Error) summary.errors++;
      else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) summary.warnings++;
      else summary.others++;
    }
  }
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const message =
    summary.files === 0
      ? 'Tradecraft found no problems in the workspace’s assessments.'
      : `Tradecraft: ${summary.errors} errors, ${summary.warnings} warnings and ${summary.others} notes in ${summary.files} file${summary.files === 1 ? '' : 's'}.`;
  void vscode.window.showInformationMessage(message);
  return summary;
}
