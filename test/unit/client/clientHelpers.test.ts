/** Small pure pieces of the client: preview messages, the status-bar text, the front matter commands write. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { builtinSchema, hasSchemaFrontMatter, lintText, frontMatterSchema } from '../../../server/src/core/index.js';
import { parsePreviewMessage } from '../../../client/src/preview/messages.js';
import { shortSchemaName, statusText } from '../../../client/src/status/statusText.js';
import { frontMatter, frontMatterReference } from '../../../client/src/templates/frontMatter.js';
import { MAX_RESTARTS, RESTART_WINDOW_MS, RestartPolicy } from '../../../client/src/serverRestart.js';

test('preview messages: only a reveal of an existing line passes', () => {
  assert.deepEqual(parsePreviewMessage({ type: 'reveal', line: 3 }, 10), { type: 'reveal', line: 3 });
  assert.deepEqual(parsePreviewMessage({ type: 'reveal', line: 10, extra: '<script>' }, 10), { type: 'reveal', line: 10 });
  for (const bad of [
    null,
    undefined,
    'reveal',
    42,
    [],
    {},
    { type: 'reveal' },
    { type: 'reveal', line: '3' },
    { type: 'reveal', line: 0 },
    { type: 'reveal', line: -1 },
    { type: 'reveal', line: 11 },
    { type: 'reveal', line: 2.5 },
    { type: 'reveal', line: Number.NaN },
    { type: 'reveal', line: Number.POSITIVE_INFINITY },
    { type: 'command', line: 3 },
    { type: 'openExternal', url: 'https://example.com' },
  ]) {
    assert.equal(parsePreviewMessage(bad, 10), undefined, JSON.stringify(bad));
  }
  assert.equal(parsePreviewMessage({ type: 'reveal', line: 1 }, 0), undefined, 'an empty or closed document has no line to reveal');
});

test('status text: schema and error/warning counts, with a tooltip that says it all', () => {
  const status = statusText('builtin:standard', { errors: 1, warnings: 2, infos: 3, hints: 0 });
  assert.equal(status.text, '$(checklist) builtin:standard $(error) 1 $(warning) 2');
  assert.equal(status.tooltip, 'Tradecraft: checked against builtin:standard\n1 error, 2 warnings, 3 infos, 0 hints\nClick to open the Problems view.');
});

test('status text: schema files are named by their folder', () => {
  assert.equal(shortSchemaName('builtin:standard'), 'builtin:standard');
  assert.equal(shortSchemaName('tradecraft.schema.yaml'), 'tradecraft.schema.yaml');
  assert.equal(shortSchemaName('team/reports/tradecraft.schema.yaml'), 'reports/tradecraft.schema.yaml');
  assert.equal(shortSchemaName('C:\\work\\desk\\tradecraft.schema.json'), 'desk/tradecraft.schema.json');
  assert.equal(shortSchemaName('schemas/house.yaml'), 'house.yaml');
});

test('front matter names a schema so that the engine resolves it back to the same file', () => {
  const documentPath = path.resolve('/work/reports/2026/us-01.assessment.md');
  const schemaPath = path.resolve('/work/reports/tradecraft.schema.yaml');
  const reference = frontMatterReference(schemaPath, documentPath);
  assert.equal(reference, '../tradecraft.schema.yaml');
  assert.equal(path.resolve(path.dirname(documentPath), reference), schemaPath);
  assert.equal(frontMatterReference(path.resolve('/work/reports/2026/tradecraft.schema.yaml'), documentPath), './tradecraft.schema.yaml');
  assert.equal(frontMatterReference('builtin:standard', documentPath), 'builtin:standard');
  assert.equal(frontMatterReference(schemaPath, undefined), schemaPath, 'an untitled document keeps the absolute path');
});

test('front matter text is valid YAML that makes the file an assessment, whatever the path holds', () => {
  for (const reference of ['builtin:standard', './tradecraft.schema.yaml', '../team #2/tradecraft.schema.yaml', 'C:\\Users\\a "b"\\tradecraft.schema.json']) {
    const text = `${frontMatter(reference)}# Title\n`;
    assert.ok(hasSchemaFrontMatter(text), reference);
    assert.equal(frontMatterSchema(text), reference);
  }
  assert.equal(frontMatter('builtin:standard'), '---\nschema: builtin:standard\n---\n\n');
  // Front matter adds no finding of its own.
  assert.deepEqual(lintText(frontMatter('builtin:standard'), { schema: builtinSchema() }).model.sections, []);
});

test('restart policy: a crashed server is started again, one crashing over and over is left stopped', () => {
  const minute = 60_000;
  const policy = new RestartPolicy();
  const decisions = [0, 1, 2, 3, 4].map((i) => policy.closed(i * 1000));
  assert.deepEqual(decisions, Array(MAX_RESTARTS).fill('restart'));
  assert.equal(policy.closed(5000), 'give-up', `the ${MAX_RESTARTS + 1}th stop within the window`);
  // Stops older than the window are forgotten.
  const patient = new RestartPolicy();
  for (let i = 0; i < 20; i++) assert.equal(patient.closed(i * (RESTART_WINDOW_MS / MAX_RESTARTS + minute)), 'restart');
});
