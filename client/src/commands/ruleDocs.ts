/**
 * Open Rule Docs: a rule's documentation page, for the rule the server's "Open rule documentation"
 * code action names, or one picked from the list. The packaged extension carries the pages, so
 * they open offline in the Markdown preview; the project's web page is the fallback.
 */
import * as vscode from 'vscode';
import { RULES, RULE_IDS } from '../../../server/src/core/rules/index.js';
import { ruleDocUrl } from '../../../server/src/ruleDocs.js';

/**
 * @param ruleId the rule's id (from a code action, or any caller: it is checked against the registry)
 * @returns what was opened, or undefined when nothing was
 */
export async function openRuleDocs(extensionUri: vscode.Uri, ruleId?: unknown): Promise<vscode.Uri | undefined> {
  let id: string | undefined;
  if (ruleId === undefined) {
    id = await pickRule();
    if (!id) return undefined;
  } else if (typeof ruleId === 'string' && RULE_IDS.has(ruleId)) {
    id = ruleId;
  } else {
    void vscode.window.showErrorMessage(`Tradecraft: there is no rule ${JSON.stringify(ruleId)}.`);
    return undefined;
  }

  const page = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${id}.md`);
  try {
    await vscode.workspace.fs.stat(page);
    await vscode.commands.executeCommand('markdown.showPreview', page);
    return page;
  } catch {
    const url = vscode.Uri.parse(ruleDocUrl(id));
    await vscode.env.openExternal(url);
    return url;
  }
}

async function pickRule(): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    RULES.map((rule) => ({ label: rule.id, description: `${rule.family} · ${rule.defaultSeverity}`, detail: rule.description })),
    { title: 'Open Rule Docs', placeHolder: 'Which rule?', matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.label;
}
