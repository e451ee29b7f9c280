/**
 * Running the built `tradecraft` bundle (dist/cli.js, from `npm run build`) as a user would: a
 * child process in a fresh temporary folder, with colour settings cleared so output is plain.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
import { corpusDocument, projectRoot } from '../support/paths.js';

export const cliBundle = path.join(projectRoot, 'dist', 'cli.js');
export { corpusDocument, projectRoot };

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
  /** Extra node options placed before the bundle (e.g. `--import` a preload). */
  nodeOptions?: string[];
}

export function runCli(args: readonly string[], options: RunOptions): CliRun {
  assert.ok(existsSync(cliBundle), `${cliBundle} is missing; run \`npm run build\` first`);
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!options.env || !('FORCE_COLOR' in options.env)) delete env.FORCE_COLOR;
  if (!options.env || !('NO_COLOR' in options.env)) delete env.NO_COLOR;
  const result = spawnSync(process.execPath, [...(options.nodeOptions ?? []), cliBundle, ...args], { cwd: options.cwd, env, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder removed when the test file ends. */
export function tempFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'tradecraft-cli-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

export function corpusText(): string {
  return readFileSync(corpusDocument, 'utf8');
}

/** Parses stdout as JSON, failing the test with the raw output when it is not. */
export function parseJson<T>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    assert.fail(`stdout is not JSON (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

export interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
}

export interface JsonReport {
  version: number;
  files: { path: string; schema: string; findings: JsonFinding[] }[];
  summary: { files: number; errors: number; warnings: number; infos: number; hints: number; fixable: number };
}
