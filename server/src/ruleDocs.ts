/** Where each rule's documentation lives; the CLI (SARIF helpUri) and the language server (codeDescription) link to the same pages. */

export const RULE_DOCS_BASE = 'https://github.com/tradecraft-dev/tradecraft/blob/main/docs/rules/';

/** The project's home page, for tools that ask for one (SARIF `informationUri`). */
export const PROJECT_URL = 'https://github.com/tradecraft-dev/tradecraft';

export function ruleDocUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}
