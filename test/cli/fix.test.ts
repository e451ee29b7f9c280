/**
 * `lint --fix`: exactly the advertised safe fixes are written, atomically (mode kept, nothing else
 * in the file or the folder changed), what remains is reported, and a read-only file is reported,
 * not overwritten.
 */
import assert from 'node:assert/strict';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { corpusText, parseJson, runCli, tempFolder, type JsonReport } from './cliHarness.js';

interface Replacement {
  deletedRegion: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  insertedContent: { text: string };
}

interface SarifFixes {
  runs: { results: { fixes?: { artifactChanges: { replacements: Replacement[] }[] }[] }[] }[];
}

/** Offsets of each line start in UTF-16 units; a BOM belongs to no line's columns. */
function lineStarts(text: string): number[] {
  const starts = [text.startsWith('\uFEFF') ? 1 : 0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** Applies SARIF replacements the way a code-scanning tool would: by 1-based line and UTF-16 column. */
function applyReplacements(text: string, replacements: Replacement[]): string {
  const starts = lineStarts(text);
  const offset = (line: number, column: number) => starts[line - 1]! + column - 1;
  const spans = replacements
    .map((r) => ({ start: offset(r.deletedRegion.startLine, r.deletedRegion.startColumn), end: offset(r.deletedRegion.endLine, r.deletedRegion.endColumn), text: r.insertedContent.text }))
    .sort((a, b) => b.start - a.start);
  return spans.reduce((result, span) => result.slice(0, span.start) + span.text + result.slice(span.end), text);
}

function fixFolder(name: string, text: string, mode: number): { cwd: string; file: string } {
  const cwd = tempFolder();
  const file = path.join(cwd, name);
  writeFileSync(file, text);
  chmodSync(file, mode);
  return { cwd, file };
}

const variants: [string, string][] = [
  ['LF', corpusText()],
  ['BOM and CRLF', `\uFEFF${corpusText().replaceAll('\n', '\r\n')}`],
];

for (const [label, original] of variants) {
  test(`--fix writes exactly the advertised safe fixes and nothing else (${label})`, () => {
    const { cwd, file } = fixFolder('us-01.assessment.md', original, 0o666);
    const sarif = parseJson<SarifFixes>(runCli(['lint', '--format', 'sarif'], { cwd }));
    const replacements = sarif.runs[0]!.results.flatMap((result) => result.fixes ?? []).flatMap((fix) => fix.artifactChanges.flatMap((change) => change.replacements));
    assert.equal(replacements.length, 6, 'the corpus document has six safe fixes');
    const expected = applyReplacements(original, replacements);

    const run = runCli(['lint', '--fix', '--format', 'json'], { cwd });
    const after = readFileSync(file, 'utf8');
    assert.equal(after, expected);
    assert.equal(statSync(file).mode & 0o777, 0o666, 'mode kept');
    assert.deepEqual(readdirSync(cwd), ['us-01.assessment.md'], 'no temporary file left behind');

    // What remains is reported: nothing fixable, the missing trigger still an error.
    assert.equal(run.code, 1);
    const report = parseJson<JsonReport>(run);
    assert.equal(report.summary.fixable, 0);
    assert.ok(report.files[0]!.findings.some((finding) => finding.rule === 'scenario-missing-field' && finding.severity === 'error'));
    assert.ok(!report.files[0]!.findings.some((finding) => finding.rule === 'section-not-heading'));

    // A second run has nothing left to fix and leaves the bytes alone.
    const again = runCli(['lint', '--fix'], { cwd });
    assert.match(again.stdout, /No safe fixes to apply\./);
    assert.equal(readFileSync(file, 'utf8'), expected);
  });
}

test('the text report says how many fixes were written', () => {
  const { cwd } = fixFolder('us-01.assessment.md', corpusText(), 0o644);
  const run = runCli(['lint', '--fix'], { cwd });
  assert.match(run.stdout, /^Fixed 6 problems in 1 file\.$/m);
});

test('a read-only file is reported as an error and left untouched', () => {
  const { cwd, file } = fixFolder('locked.assessment.md', corpusText(), 0o444);
  const run = runCli(['lint', '--fix', '--format', 'json'], { cwd });
  assert.equal(run.code, 1, run.stderr);
  assert.equal(run.stderr, '');
  assert.equal(readFileSync(file, 'utf8'), corpusText());
  assert.equal(statSync(file).mode & 0o777, 0o444);
  assert.deepEqual(readdirSync(cwd), ['locked.assessment.md']);
  const findings = parseJson<JsonReport>(run).files[0]!.findings;
  const notWritten = findings.filter((finding) => finding.rule === 'fix-not-written');
  assert.equal(notWritten.length, 1);
  assert.equal(notWritten[0]!.severity, 'error');
  assert.match(notWritten[0]!.message, /read-only/);
  // The file's own findings are still reported, fixable as before.
  assert.equal(findings.filter((finding) => finding.rule === 'section-not-heading' && finding.fixable).length, 6);
});

test('fixing one file of several leaves the others byte-identical', () => {
  const cwd = tempFolder();
  writeFileSync(path.join(cwd, 'a.assessment.md'), corpusText());
  assert.equal(runCli(['init', 'clean'], { cwd }).code, 0);
  const clean = path.join(cwd, 'clean', 'example.assessment.md');
  const before = readFileSync(clean);
  const mtime = statSync(clean).mtimeMs;
  runCli(['lint', '--fix'], { cwd });
  assert.ok(readFileSync(clean).equals(before));
  assert.equal(statSync(clean).mtimeMs, mtime, 'a file without fixes is not rewritten');
  assert.notEqual(readFileSync(path.join(cwd, 'a.assessment.md'), 'utf8'), corpusText());
});
