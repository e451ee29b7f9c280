/** `--help` for the tool and each command, and `--version`. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { projectRoot, runCli, tempFolder } from './cliHarness.js';

test('--version prints the package version', () => {
  const { version } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  for (const flag of ['--version', '-v']) {
    const run = runCli([flag], { cwd: tempFolder() });
    assert.equal(run.code, 0);
    assert.equal(run.stdout, `${version}\n`);
  }
});

test('--help lists the commands', () => {
  const run = runCli(['--help'], { cwd: tempFolder() });
  assert.equal(run.code, 0);
  for (const command of ['lint', 'outline', 'schema', 'init']) assert.match(run.stdout, new RegExp(`^  ${command} `, 'm'));
});

test('each command has --help naming its options', () => {
  const cwd = tempFolder();
  const expected: Record<string, string[]> = {
    lint: ['--format', '--schema', '--fix', '--max-warnings', '--quiet', '--jobs'],
    outline: ['--format', '--schema'],
    schema: ['--print', '--json-schema'],
    init: ['FOLDER'],
  };
  for (const [command, options] of Object.entries(expected)) {
    const spellings = command === 'lint' ? [[command, '--help'], [command, '-h'], ['help', command]] : [[command, '--help']];
    for (const args of spellings) {
      const run = runCli(args, { cwd });
      assert.equal(run.code, 0, args.join(' '));
      assert.match(run.stdout, new RegExp(`^Usage: tradecraft ${command}`));
      for (const option of options) assert.ok(run.stdout.includes(option), `${command} --help lacks ${option}`);
    }
  }
  // --help wins over the command's work: init wrote nothing.
  assert.deepEqual(readdirSync(cwd), []);
});
