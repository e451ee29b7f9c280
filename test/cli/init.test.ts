/** `tradecraft init`: a schema extending the built-in one and an example that lints clean; never overwrites. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { parseJson, runCli, tempFolder, type JsonReport } from './cliHarness.js';

test('init writes a schema extending builtin:standard and an example that lints with zero findings', () => {
  const cwd = tempFolder();
  const run = runCli(['init'], { cwd });
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(readdirSync(cwd).sort(), ['example.assessment.md', 'tradecraft.schema.yaml']);
  const schemaText = readFileSync(path.join(cwd, 'tradecraft.schema.yaml'), 'utf8');
  const schema = parseYaml(schemaText) as Record<string, unknown>;
  assert.equal(schema.extends, 'builtin:standard');
  // The comments show how to change a severity and add an actor.
  assert.match(schemaText, /^# .*severit/im);
  assert.match(schemaText, /^# actors:/m);

  const lint = runCli(['lint', '--format', 'json'], { cwd });
  const report = parseJson<JsonReport>(lint);
  assert.deepEqual(report.files.map((file) => [file.path, file.schema, file.findings]), [['example.assessment.md', 'tradecraft.schema.yaml', []]]);
  assert.equal(lint.code, 0);
});

test('init FOLDER creates the folder', () => {
  const cwd = tempFolder();
  assert.equal(runCli(['init', 'new/team'], { cwd }).code, 0);
  assert.deepEqual(readdirSync(path.join(cwd, 'new', 'team')).sort(), ['example.assessment.md', 'tradecraft.schema.yaml']);
  assert.equal(runCli(['lint', 'new'], { cwd }).code, 0);
});

test('init refuses to overwrite, names the file and writes nothing', () => {
  const cwd = tempFolder();
  mkdirSync(path.join(cwd, 'team'));
  const mine = path.join(cwd, 'team', 'example.assessment.md');
  writeFileSync(mine, 'my own work\n');
  const run = runCli(['init', 'team'], { cwd });
  assert.equal(run.code, 2);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /team\/example\.assessment\.md already exists/);
  assert.equal(readFileSync(mine, 'utf8'), 'my own work\n');
  assert.ok(!existsSync(path.join(cwd, 'team', 'tradecraft.schema.yaml')));
});
