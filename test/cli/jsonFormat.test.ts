/** `lint --format json`: exactly the CLI.md document, and the corpus document's known findings. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { corpusDocument, corpusText, parseJson, runCli, tempFolder, type JsonReport } from './cliHarness.js';

const FINDING_KEYS = ['column', 'endColumn', 'endLine', 'fixable', 'line', 'message', 'rule', 'severity'];
const SUMMARY_KEYS = ['errors', 'files', 'fixable', 'hints', 'infos', 'warnings'];

let cached: { report: JsonReport; code: number | null } | undefined;

/** The corpus document linted once, as `reports/us-01.assessment.md`, for the tests that only read the report. */
function lintCorpusCopy(): { report: JsonReport; code: number | null } {
  if (cached) return cached;
  const cwd = tempFolder();
  mkdirSync(path.join(cwd, 'reports'));
  writeFileSync(path.join(cwd, 'reports', 'us-01.assessment.md'), corpusText());
  const run = runCli(['lint', '--format', 'json'], { cwd });
  cached = { report: parseJson<JsonReport>(run), code: run.code };
  return cached;
}

test('the document has exactly the keys and types of CLI.md', () => {
  const { report, code } = lintCorpusCopy();
  assert.equal(code, 1);
  assert.deepEqual(Object.keys(report).sort(), ['files', 'summary', 'version']);
  assert.equal(report.version, 1);
  assert.equal(report.files.length, 1);
  const file = report.files[0]!;
  assert.deepEqual(Object.keys(file).sort(), ['findings', 'path', 'schema']);
  assert.equal(file.path, 'reports/us-01.assessment.md');
  assert.equal(file.schema, 'builtin:standard');
  assert.ok(file.findings.length > 0);
  for (const finding of file.findings) {
    assert.deepEqual(Object.keys(finding).sort(), FINDING_KEYS);
    assert.equal(typeof finding.rule, 'string');
    assert.ok(['error', 'warning', 'info', 'hint'].includes(finding.severity), finding.severity);
    assert.equal(typeof finding.message, 'string');
    for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
      assert.ok(Number.isInteger(finding[key]) && finding[key] >= 1, `${key} = ${finding[key]}`);
    }
    assert.equal(typeof finding.fixable, 'boolean');
  }
  assert.deepEqual(Object.keys(report.summary).sort(), SUMMARY_KEYS);
  const count = (severity: string) => file.findings.filter((finding) => finding.severity === severity).length;
  assert.deepEqual(report.summary, {
    files: 1,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    hints: count('hint'),
    fixable: file.findings.filter((finding) => finding.fixable).length,
  });
});

test('findings are sorted by line, then column, then rule', () => {
  const { report } = lintCorpusCopy();
  const keys = report.files[0]!.findings.map((finding) => [finding.line, finding.column, finding.rule] as const);
  const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
  assert.deepEqual(keys, sorted);
});

test('the corpus document: scenario-missing-field at line 38, section-not-heading (fixable) on the six title lines', () => {
  const cwd = tempFolder();
  const run = runCli(['lint', corpusDocument, '--format', 'json'], { cwd });
  const file = parseJson<JsonReport>(run).files[0]!;
  assert.equal(file.path, corpusDocument, 'a named file keeps the path as given');
  const missing = file.findings.filter((finding) => finding.rule === 'scenario-missing-field');
  assert.deepEqual(
    missing.map((finding) => [finding.line, finding.column, finding.severity]),
    [[38, 1, 'error']],
  );
  assert.match(missing[0]!.message, /Most Likely.*trigger/);
  const notHeading = file.findings.filter((finding) => finding.rule === 'section-not-heading');
  assert.deepEqual(
    notHeading.map((finding) => [finding.line, finding.severity, finding.fixable]),
    [4, 12, 32, 37, 45, 48].map((line) => [line, 'info', true]),
  );
});

test('columns count UTF-16 code units', () => {
  const { report } = lintCorpusCopy();
  const lines = corpusText().split('\n');
  // Line 4 starts with 📍, two UTF-16 code units; the finding spans the whole line.
  const situation = report.files[0]!.findings.find((finding) => finding.rule === 'section-not-heading' && finding.line === 4)!;
  assert.equal(lines[3], '📍 Current Situation: Talks Set for Friday in Oman');
  assert.deepEqual([situation.column, situation.endLine, situation.endColumn], [1, 4, lines[3].length + 1]);
  assert.equal(lines[3].length + 1, 51);
});

test('paths: as given for named files, relative to the current folder for folders and globs', () => {
  const cwd = tempFolder();
  mkdirSync(path.join(cwd, 'a', 'b'), { recursive: true });
  writeFileSync(path.join(cwd, 'a', 'b', 'deep.assessment.md'), corpusText());
  writeFileSync(path.join(cwd, 'top.assessment.md'), corpusText());
  const paths = (args: string[], at = cwd) => parseJson<JsonReport>(runCli(['lint', '--format', 'json', ...args], { cwd: at })).files.map((file) => file.path);
  assert.deepEqual(paths([]), ['a/b/deep.assessment.md', 'top.assessment.md']);
  assert.deepEqual(paths(['a']), ['a/b/deep.assessment.md']);
  assert.deepEqual(paths(['./top.assessment.md']), ['./top.assessment.md']);
  assert.deepEqual(paths(['**/deep*.md']), ['a/b/deep.assessment.md']);
  assert.deepEqual(paths(['..'], path.join(cwd, 'a')), ['../top.assessment.md', 'b/deep.assessment.md']);
});
