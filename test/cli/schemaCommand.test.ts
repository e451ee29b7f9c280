/** `tradecraft schema`: the built-in schema as YAML, or the JSON Schema of schema files. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { BUILTIN_SCHEMAS } from '../../server/src/core/index.js';
import { parseJson, projectRoot, runCli, tempFolder } from './cliHarness.js';

test('schema --json-schema prints the published JSON Schema', () => {
  const run = runCli(['schema', '--json-schema'], { cwd: tempFolder() });
  assert.equal(run.code, 0);
  const published = JSON.parse(readFileSync(path.join(projectRoot, 'schemas', 'tradecraft.schema.json'), 'utf8')) as unknown;
  assert.deepEqual(parseJson<unknown>(run), published);
});

test('schema prints the standard built-in schema by default, by name or by builtin: reference', () => {
  const cwd = tempFolder();
  const outputs = [['schema'], ['schema', '--print', 'standard'], ['schema', '--print', 'builtin:standard']].map((args) => runCli(args, { cwd }));
  for (const run of outputs) {
    assert.equal(run.code, 0);
    assert.equal(run.stdout, BUILTIN_SCHEMAS.standard);
  }
  const parsed = parseYaml(outputs[0]!.stdout) as { sections: { id: string }[] };
  assert.equal(parsed.sections[0]!.id, 'current-situation');
});

test('--print and --json-schema together is a usage error', () => {
  const run = runCli(['schema', '--print', 'standard', '--json-schema'], { cwd: tempFolder() });
  assert.equal(run.code, 2);
  assert.equal(run.stdout, '');
});
