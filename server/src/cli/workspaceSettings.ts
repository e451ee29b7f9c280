/**
 * The Tradecraft settings a workspace keeps for VS Code, in `.vscode/settings.json` (JSON with
 * comments). The CLI reads the ones that decide what is checked and how (`tradecraft.files`,
 * `.schemas`, `.rules`, `.yardstick`), so that CI reports what the editor shows.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { coerceSettings, pushedSection, type TradecraftSettings } from '../settings.js';

/** The settings that decide what is checked and how; plain data, as tasks go to worker threads. */
export type WorkspaceSettings = Pick<TradecraftSettings, 'files' | 'schemas' | 'rules' | 'yardstick'>;

const SETTINGS_FILE = path.join('.vscode', 'settings.json');

/** The settings of the workspace at `root`, and what was wrong with its file, if anything. */
export function readWorkspaceSettings(root: string): { settings: WorkspaceSettings; problem?: string } {
  const file = path.join(root, SETTINGS_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { settings: toWorkspaceSettings(undefined), ...(missing ? {} : { problem: `cannot read ${file}: ${(error as Error).message}` }) };
  }
  const errors: ParseError[] = [];
  // Tolerant, as VS Code is: what parses is used; the first error is named.
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const settings = toWorkspaceSettings(pushedSection(value));
  const first = errors[0];
  if (!first) return { settings };
  const before = text.slice(0, first.offset);
  const line = before.split('\n').length;
  const column = first.offset - before.lastIndexOf('\n');
  return { settings, problem: `${file}:${line}:${column}: ${printParseErrorCode(first.error)}; its other settings are used` };
}

function toWorkspaceSettings(section: Record<string, unknown> | undefined): WorkspaceSettings {
  const { files, schemas, rules, yardstick } = coerceSettings(section);
  return { files, schemas, rules, yardstick };
}
