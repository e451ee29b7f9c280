/** What `lint` selects and how it treats inputs it cannot lint: binary, undecodable, empty. */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { corpusText, parseJson, runCli, tempFolder, type JsonReport } from './cliHarness.js';

test('folders and globs select assessments; named files are linted whatever their extension', () => {
  const cwd = tempFolder();
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
    writeFileSync(path.join(cwd, file), text);
  };
  write('reports/a.assessment.md', corpusText());
  write('reports/front-matter.md', `---\nschema: builtin:standard\n---\n${corpusText()}`);
  write('reports/notes.md', corpusText());
  write('reports/draft.txt', corpusText());
  write('node_modules/pkg/b.assessment.md', corpusText());
  write('.git/c.assessment.md', corpusText());
  const paths = (args: string[]) => parseJson<JsonReport>(runCli(['lint', '--format', 'json', ...args], { cwd })).files.map((file) => file.path);
  assert.deepEqual(paths([]), ['reports/a.assessment.md', 'reports/front-matter.md']);
  assert.deepEqual(paths(['reports']), ['reports/a.assessment.md', 'reports/front-matter.md']);
  assert.deepEqual(paths(['reports/*.md']), ['reports/a.assessment.md', 'reports/front-matter.md']);
  assert.deepEqual(paths(['reports/draft.txt', 'reports/notes.md']), ['reports/draft.txt', 'reports/notes.md']);
  // A file named twice, directly and through its folder, is linted once.
  assert.deepEqual(paths(['reports', 'reports/a.assessment.md']), ['reports/a.assessment.md', 'reports/front-matter.md']);
});

test('the workspace settings VS Code keeps apply: tradecraft.files, .schemas, .rules and .yardstick', () => {
  const cwd = tempFolder();
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
    writeFileSync(path.join(cwd, file), text);
  };
  mkdirSync(path.join(cwd, '.git'));
  write('reports/notes.md', corpusText());
  write('reports/other.md', corpusText());
  write('lenient.yaml', 'extends: builtin:standard\nrules:\n  scenario-missing-field: hint\n');
  // JSON with comments and a trailing comma, as VS Code writes and accepts it.
  write(
    '.vscode/settings.json',
    `{
  // Reports are assessments too.
  "tradecraft.files": ["reports/notes.md"],
  "tradecraft.schemas": { "reports/*.md": "lenient.yaml" },
  "tradecraft.rules": { "section-not-heading": "off" },
  "editor.wordWrap": "on",
}
`,
  );
  const report = parseJson<JsonReport>(runCli(['lint', '--format', 'json'], { cwd }));
  assert.deepEqual(report.files.map((file) => [file.path, file.schema]), [['reports/notes.md', 'lenient.yaml']]);
  const rules = new Map(report.files[0]!.findings.map((finding) => [finding.rule, finding.severity]));
  assert.equal(rules.get('scenario-missing-field'), 'hint', 'the schema the settings map the file to');
  assert.equal(rules.has('section-not-heading'), false, 'the rule the settings turn off');
  const outline = JSON.parse(runCli(['outline', 'reports/other.md'], { cwd }).stdout) as { schema: string };
  assert.equal(outline.schema, 'lenient.yaml');

  // The yardstick setting replaces the schema's: a PHIA term is then no mixed scale.
  write('phia.assessment.md', `${corpusText()}\nA deal is a realistic possibility.\n`);
  const mixed = (run: ReturnType<typeof runCli>) => parseJson<JsonReport>(run).files[0]!.findings.filter((finding) => finding.rule === 'likelihood-mixed-scales').length;
  assert.equal(mixed(runCli(['lint', 'phia.assessment.md', '--format', 'json'], { cwd })), 1);
  write('.vscode/settings.json', '{ "tradecraft.yardstick": "phia" }');
  assert.equal(mixed(runCli(['lint', 'phia.assessment.md', '--format', 'json'], { cwd })), 0);

  // A settings file with a mistake: what parses is used, and stderr says where the mistake is.
  write('.vscode/settings.json', '{ "tradecraft.files": ["reports/notes.md"] "tradecraft.rules": 7 }');
  const broken = runCli(['lint', 'reports', '--format', 'json'], { cwd });
  assert.deepEqual(parseJson<JsonReport>(broken).files.map((file) => file.path), ['reports/notes.md']);
  assert.match(broken.stderr, /settings\.json:1:44: CommaExpected; its other settings are used/);
});

test('a folder without assessments is not an error, but says so on stderr', () => {
  const cwd = tempFolder();
  writeFileSync(path.join(cwd, 'notes.md'), '# Notes\n');
  const run = runCli(['lint', '--format', 'json'], { cwd });
  assert.equal(run.code, 0);
  assert.deepEqual(parseJson<JsonReport>(run), { version: 1, files: [], summary: { files: 0, errors: 0, warnings: 0, infos: 0, hints: 0, fixable: 0 } });
  assert.match(run.stderr, /no assessments found/);
});

test('binary and undecodable files are reported as file-unreadable errors (exit 2), the others still linted', () => {
  const cwd = tempFolder();
  writeFileSync(path.join(cwd, 'binary.assessment.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
  writeFileSync(path.join(cwd, 'latin1.assessment.md'), Buffer.from('Caf\xe9 au lait\n', 'latin1'));
  writeFileSync(path.join(cwd, 'good.assessment.md'), corpusText());
  const run = runCli(['lint', '--format', 'json'], { cwd });
  assert.equal(run.code, 2);
  const files = parseJson<JsonReport>(run).files;
  assert.deepEqual(files.map((file) => file.path), ['binary.assessment.md', 'good.assessment.md', 'latin1.assessment.md']);
  const [binary, good, latin1] = files;
  for (const [file, reason] of [[binary!, /binary/], [latin1!, /UTF-8/]] as const) {
    assert.deepEqual(
      file.findings.map((finding) => [finding.rule, finding.severity, finding.line, finding.column, finding.fixable]),
      [['file-unreadable', 'error', 1, 1, false]],
    );
    assert.match(file.findings[0]!.message, reason);
  }
  assert.ok(good!.findings.some((finding) => finding.rule === 'scenario-missing-field'));
  // Each is also named on stderr, as unreadable input is.
  assert.match(run.stderr, /^tradecraft: Cannot lint binary\.assessment\.md: .*binary/m);
  assert.match(run.stderr, /^tradecraft: Cannot lint latin1\.assessment\.md: .*UTF-8/m);
  // The text format shows the same line, and --fix never touches such a file.
  const text = runCli(['lint', 'binary.assessment.md', '--fix'], { cwd });
  assert.equal(text.code, 2);
  assert.match(text.stdout, /^binary\.assessment\.md:1:1 {2}error {2}Cannot lint binary\.assessment\.md: .*binary.* {2}file-unreadable$/m);
});

test('--fix with an unreadable file among the inputs writes nothing, and says so', () => {
  const cwd = tempFolder();
  writeFileSync(path.join(cwd, 'binary.assessment.md'), Buffer.from([0x00, 0x01]));
  const good = path.join(cwd, 'good.assessment.md');
  writeFileSync(good, corpusText());
  const run = runCli(['lint', '--fix'], { cwd });
  assert.equal(run.code, 2);
  assert.equal(readFileSync(good, 'utf8'), corpusText(), 'the readable file is not fixed either');
  assert.match(run.stderr, /nothing was fixed, because a file could not be read: “binary\.assessment\.md”/);
  assert.match(run.stdout, /good\.assessment\.md:\d+:\d+ {2}info {2}.*section-not-heading/, 'the report shows what would be fixed');
  // Without the unreadable file, the same command fixes.
  const fixed = runCli(['lint', '--fix', 'good.assessment.md'], { cwd });
  assert.notEqual(readFileSync(good, 'utf8'), corpusText());
  assert.equal(fixed.code, 1);
});

test('an empty file is linted like any other and yields findings', () => {
  const cwd = tempFolder();
  writeFileSync(path.join(cwd, 'empty.assessment.md'), '');
  const run = runCli(['lint', '--format', 'json'], { cwd });
  assert.equal(run.code, 1);
  const rules = new Set(parseJson<JsonReport>(run).files[0]!.findings.map((finding) => finding.rule));
  assert.ok(rules.has('section-missing'));
  assert.ok(rules.has('signoff-missing'));
});

test('odd YAML in front matter (a collection as a key) prints no warning of the YAML parser on stderr', () => {
  const cwd = tempFolder();
  writeFileSync(path.join(cwd, 'odd.assessment.md'), `---\n? [ ref ]\n: x\nschema: builtin:standard\n---\n${corpusText()}`);
  const run = runCli(['lint', 'odd.assessment.md'], { cwd });
  assert.ok(run.stdout.includes('problems'), run.stdout);
  assert.doesNotMatch(run.stderr, /Warning|YAML/, run.stderr);
});
