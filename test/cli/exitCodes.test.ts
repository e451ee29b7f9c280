/** Exit codes: 0 clean (warnings within --max-warnings), 1 errors or too many warnings, 2 usage and input problems. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { corpusText, parseJson, runCli, tempFolder, type JsonReport } from './cliHarness.js';

let initFiles: Map<string, string> | undefined;

/** What `tradecraft init` writes, produced once and copied into each workspace. */
function initOutput(): Map<string, string> {
  if (!initFiles) {
    const cwd = tempFolder();
    assert.equal(runCli(['init'], { cwd }).code, 0);
    initFiles = new Map(['tradecraft.schema.yaml', 'example.assessment.md'].map((name) => [name, readFileSync(path.join(cwd, name), 'utf8')]));
  }
  return initFiles;
}

/** A folder holding `init`'s clean example, a copy of the corpus document, and a variant of the example with one warning. */
function workspace(): { cwd: string; clean: string; withErrors: string; withWarning: string } {
  const cwd = tempFolder();
  for (const [name, text] of initOutput()) writeFileSync(path.join(cwd, name), text);
  const example = initOutput().get('example.assessment.md')!;
  writeFileSync(path.join(cwd, 'corpus.md'), corpusText());
  // An empty section is a warning (section-empty): drop the body of Strategic Implications.
  const withWarning = example.replace(/(## Strategic Implications\n)\n- [^\n]*\n/, '$1');
  assert.notEqual(withWarning, example, 'the example changed shape; update this test');
  writeFileSync(path.join(cwd, 'warning.md'), withWarning);
  return { cwd, clean: 'example.assessment.md', withErrors: 'corpus.md', withWarning: 'warning.md' };
}

test('a clean assessment exits 0', () => {
  const { cwd, clean } = workspace();
  const run = runCli(['lint', clean], { cwd });
  assert.equal(run.code, 0, run.stdout + run.stderr);
});

test('error-level findings exit 1', () => {
  const { cwd, withErrors } = workspace();
  const run = runCli(['lint', withErrors], { cwd });
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stdout, /scenario-missing-field/);
});

test('--max-warnings N: exit 1 only when warnings exceed N', () => {
  const { cwd, withWarning } = workspace();
  const report = parseJson<JsonReport>(runCli(['lint', withWarning, '--format', 'json'], { cwd }));
  assert.deepEqual(
    report.files[0]!.findings.filter((finding) => finding.severity !== 'info' && finding.severity !== 'hint').map((finding) => [finding.rule, finding.severity]),
    [['section-empty', 'warning']],
  );
  assert.equal(runCli(['lint', withWarning], { cwd }).code, 0);
  assert.equal(runCli(['lint', withWarning, '--max-warnings', '1'], { cwd }).code, 0);
  const tooMany = runCli(['lint', withWarning, '--max-warnings', '0'], { cwd });
  assert.equal(tooMany.code, 1);
  assert.match(tooMany.stderr, /more than --max-warnings 0/);
});

test('--quiet reports errors only', () => {
  const { cwd, withErrors, withWarning } = workspace();
  const quiet = parseJson<JsonReport>(runCli(['lint', withErrors, withWarning, '--quiet', '--format', 'json'], { cwd }));
  const severities = new Set(quiet.files.flatMap((file) => file.findings.map((finding) => finding.severity)));
  assert.deepEqual([...severities], ['error']);
  assert.equal(quiet.summary.warnings + quiet.summary.infos + quiet.summary.hints, 0);
  // --quiet leaves warnings out of the report, not out of the --max-warnings gate (as ESLint does).
  const gated = runCli(['lint', withWarning, '--quiet', '--max-warnings', '0'], { cwd });
  assert.equal(gated.code, 1);
  assert.match(gated.stderr, /warnings?, more than --max-warnings 0/);
  assert.doesNotMatch(gated.stdout, / {2}warning {2}/);
  assert.equal(runCli(['lint', withWarning, '--quiet', '--max-warnings', '99'], { cwd }).code, 0);
  const text = runCli(['lint', withErrors, '--quiet'], { cwd });
  assert.doesNotMatch(text.stdout, / {2}(warning|info|hint) {2}/);
  assert.match(text.stdout, / {2}error {2}/);
});

test('usage errors exit 2 with a message on stderr and nothing on stdout', () => {
  const { cwd, clean } = workspace();
  const cases: string[][] = [
    ['frobnicate'],
    ['lint', '--no-such-option', clean],
    ['lint', '--format', 'xml', clean],
    ['lint', '--jobs', '0', clean],
    ['lint', '--jobs', 'many', clean],
    ['lint', '--max-warnings', '-1', clean],
    ['lint', '--max-warnings', 'x', clean],
    ['lint', '--schema'],
    ['outline'],
    ['outline', clean, '--format', 'sarif'],
    ['schema', '--print', 'no-such-schema'],
    ['schema', 'extra'],
    [],
  ];
  for (const args of cases) {
    const run = runCli(args, { cwd });
    assert.equal(run.code, 2, `tradecraft ${args.join(' ')} → ${run.code}\n${run.stdout}${run.stderr}`);
    assert.equal(run.stdout, '', `tradecraft ${args.join(' ')} wrote to stdout`);
    assert.ok(run.stderr.trim().length > 0, `tradecraft ${args.join(' ')} said nothing on stderr`);
  }
});

test('a named file that does not exist exits 2 and lints nothing', () => {
  const { cwd, withErrors } = workspace();
  const run = runCli(['lint', withErrors, 'missing.md', '--format', 'json'], { cwd });
  assert.equal(run.code, 2);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /missing\.md/);
});

test('an unusable --schema exits 2 before anything is read or written', () => {
  const { cwd, withErrors } = workspace();
  writeFileSync(path.join(cwd, 'broken.yaml'), 'sections: 3\n');
  const before = readFileSync(path.join(cwd, withErrors), 'utf8');
  for (const schema of ['broken.yaml', 'no-such-file.yaml', 'builtin:no-such-schema']) {
    const run = runCli(['lint', withErrors, '--fix', '--schema', schema], { cwd });
    assert.equal(run.code, 2, `--schema ${schema}`);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /--schema/);
  }
  assert.match(runCli(['lint', withErrors, '--schema', 'broken.yaml'], { cwd }).stderr, /broken\.yaml:1:\d+: sections must be of type array/);
  assert.equal(readFileSync(path.join(cwd, withErrors), 'utf8'), before, 'the file was modified');
});

test('--schema accepts a file, a built-in name and a builtin: reference', () => {
  const { cwd, withErrors } = workspace();
  writeFileSync(path.join(cwd, 'relaxed.yaml'), 'extends: builtin:standard\nrules:\n  scenario-missing-field: off\n');
  const schemaOf = (schema: string) => parseJson<JsonReport>(runCli(['lint', withErrors, '--format', 'json', '--schema', schema], { cwd })).files[0]!.schema;
  assert.equal(schemaOf('standard'), 'builtin:standard');
  assert.equal(schemaOf('builtin:standard'), 'builtin:standard');
  assert.equal(schemaOf('relaxed.yaml'), 'relaxed.yaml');
  // Without --schema the folder's tradecraft.schema.yaml (written by init) applies.
  assert.equal(parseJson<JsonReport>(runCli(['lint', withErrors, '--format', 'json'], { cwd })).files[0]!.schema, 'tradecraft.schema.yaml');
  const relaxed = runCli(['lint', withErrors, '--schema', 'relaxed.yaml', '--quiet'], { cwd });
  assert.doesNotMatch(relaxed.stdout, /scenario-missing-field/);
});
