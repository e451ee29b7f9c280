/** `lint` text output: `path:line:col  severity  message  rule-id` per finding, a summary line, colour only when asked for. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { corpusText, parseJson, runCli, tempFolder, type JsonReport } from './cliHarness.js';

const FINDING_LINE = /^(?<path>[^\s:]+):(?<line>\d+):(?<column>\d+) {2}(?<severity>error|warning|info|hint) {2}(?<message>\S.*\S) {2}(?<rule>[a-z]+(?:-[a-z]+)*)$/;

function corpusFolder(): string {
  const cwd = tempFolder();
  writeFileSync(path.join(cwd, 'us-01.assessment.md'), corpusText());
  return cwd;
}

test('one line per finding in the JSON order, then the summary', () => {
  const cwd = corpusFolder();
  const run = runCli(['lint'], { cwd });
  assert.equal(run.code, 1);
  const lines = run.stdout.trimEnd().split('\n');
  const summary = lines.pop()!;
  const json = parseJson<JsonReport>(runCli(['lint', '--format', 'json'], { cwd }));
  const findings = json.files[0]!.findings;
  assert.equal(lines.length, findings.length);
  lines.forEach((line, index) => {
    const match = FINDING_LINE.exec(line);
    assert.ok(match?.groups, `not a finding line: ${JSON.stringify(line)}`);
    const finding = findings[index]!;
    assert.deepEqual(
      { ...match.groups },
      { path: 'us-01.assessment.md', line: String(finding.line), column: String(finding.column), severity: finding.severity, message: finding.message, rule: finding.rule },
    );
  });
  const { errors, warnings, infos, hints, fixable } = json.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  assert.equal(
    summary,
    `${plural(errors + warnings + infos + hints, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}, ${plural(hints, 'hint')}) in 1 file; ${fixable} fixable with --fix.`,
  );
});

test('a clean run says so', () => {
  const cwd = tempFolder();
  assert.equal(runCli(['init'], { cwd }).code, 0);
  const run = runCli(['lint'], { cwd });
  assert.equal(run.stdout, 'No problems found in 1 file.\n');
  assert.equal(run.code, 0);
});

test('no colour when piped or with NO_COLOR; colour with FORCE_COLOR', () => {
  const cwd = corpusFolder();
  const ESC = '\u001b[';
  assert.ok(!runCli(['lint'], { cwd }).stdout.includes(ESC));
  assert.ok(!runCli(['lint'], { cwd, env: { NO_COLOR: '1' } }).stdout.includes(ESC));
  const colored = runCli(['lint'], { cwd, env: { FORCE_COLOR: '1' } }).stdout;
  assert.ok(colored.includes(`${ESC}31merror${ESC}0m`), colored);
  // JSON is never coloured.
  assert.ok(!runCli(['lint', '--format', 'json'], { cwd, env: { FORCE_COLOR: '1' } }).stdout.includes(ESC));
});
