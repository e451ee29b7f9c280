/** Schema files: validation with positions, `extends`, cycles, untrusted roots, and resolution order. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILTIN_SCHEMAS, checkSchemaText, Engine, loadSchema, resolveSchemaReference, type SchemaHost } from '../../server/src/core/index.js';

function memoryHost(files: Record<string, string>): SchemaHost {
  return { readFile: (filePath) => files[filePath] };
}

test('the built-in schemas pass their own JSON Schema', () => {
  for (const [name, text] of Object.entries(BUILTIN_SCHEMAS)) assert.deepEqual(checkSchemaText(`builtin:${name}`, text), []);
});

test('the built-in schema loads and describes the house format', () => {
  const result = loadSchema('builtin:standard', memoryHost({}));
  assert.ok(result.ok);
  assert.deepEqual(result.schema.sections.map((s) => s.id), ['current-situation', 'strategic-context', 'assessment', 'forecast', 'strategic-implications', 'bottom-line']);
  assert.deepEqual(result.schema.scenarios.fields.filter((f) => f.required).map((f) => f.id), ['trigger', 'outcome']);
});

test('broken YAML is reported at its line and column', () => {
  const problems = checkSchemaText('/w/tradecraft.schema.yaml', 'sections:\n  - id: a\n    title: [unclosed\n');
  assert.equal(problems.length > 0, true);
  assert.match(problems[0]!.message, /Invalid YAML/);
  assert.equal(problems[0]!.range.start.line >= 2, true);
});

test('unknown keys and wrong types are reported at the offending key', () => {
  const problems = checkSchemaText('/w/s.yaml', 'closed: maybe\nsectons: []\n');
  const messages = problems.map((p) => `${p.range.start.line}:${p.range.start.character} ${p.message}`);
  assert.ok(messages.includes('1:0 Unknown key “sectons” in the schema.'), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith('0:8 closed must be of type boolean')), messages.join('\n'));
});

test('a sign-off pattern that is not a regular expression, or lacks its groups, is rejected', () => {
  assert.match(checkSchemaText('/w/s.yaml', "signOff:\n  pattern: '(unclosed'\n")[0]!.message, /not a valid regular expression/);
  assert.match(checkSchemaText('/w/s.yaml', "signOff:\n  pattern: '^[A-Z]+$'\n")[0]!.message, /named groups/);
});

test('extends: a child overrides its parent, rules merge, and a schema without extends builds on the built-in', () => {
  const host = memoryHost({
    '/w/base.yaml': 'scenarios:\n  min: 3\nrules:\n  section-order: off\n',
    '/w/team/tradecraft.schema.yaml': 'extends: ../base.yaml\nrules:\n  section-empty: error\n',
  });
  const result = loadSchema('/w/team/tradecraft.schema.yaml', host);
  assert.ok(result.ok);
  assert.equal(result.schema.scenarios.min, 3);
  assert.deepEqual(result.schema.rules, { 'section-order': 'off', 'section-empty': 'error' });
  assert.equal(result.schema.sections.length, 6);
  // `scenarios` merges one level deep: the built-in required fields survive `min: 3`.
  assert.deepEqual(result.schema.scenarios.fields.filter((f) => f.required).map((f) => f.id), ['trigger', 'outcome']);
});

test('extends cycles are reported, not followed forever', () => {
  const host = memoryHost({ '/w/a.yaml': 'extends: ./b.yaml\n', '/w/b.yaml': 'extends: ./a.yaml\n' });
  const result = loadSchema('/w/a.yaml', host);
  assert.equal(result.ok, false);
  assert.match(!result.ok ? result.problems[0]!.message : '', /cycle/);
});

test('in an untrusted workspace, extends may not leave the workspace', () => {
  const host = memoryHost({ '/w/tradecraft.schema.yaml': 'extends: ../outside.yaml\n', '/outside.yaml': 'closed: true\n' });
  const engine = new Engine(host);
  const untrusted = engine.check({ text: '# T\n', documentPath: '/w/doc.assessment.md', workspaceRoot: '/w', trusted: false });
  assert.ok(untrusted.findings.some((f) => f.rule === 'schema-invalid' && /outside the workspace/.test(f.message)));
  const trusted = new Engine(host).check({ text: '# T\n', documentPath: '/w/doc.assessment.md', workspaceRoot: '/w', trusted: true });
  assert.equal(trusted.schema.closed, true);
});

test('resolution order: front matter, then settings, then the nearest schema file, then the built-in', () => {
  const host = memoryHost({ '/w/tradecraft.schema.yaml': '{}', '/w/sub/tradecraft.schema.json': '{}' });
  const base = { documentPath: '/w/sub/report.assessment.md', workspaceRoot: '/w' };
  assert.deepEqual(resolveSchemaReference({ ...base, frontMatterSchema: '../custom.yaml', schemaSettings: { '*.md': 'x.yaml' } }, host), { reference: '/w/custom.yaml', origin: 'front-matter' });
  assert.deepEqual(resolveSchemaReference({ ...base, schemaSettings: { 'sub/*.md': 'team.yaml' } }, host), { reference: '/w/team.yaml', origin: 'setting' });
  assert.deepEqual(resolveSchemaReference(base, host), { reference: '/w/sub/tradecraft.schema.json', origin: 'nearest-file' });
  assert.deepEqual(resolveSchemaReference({ documentPath: '/elsewhere/r.md', workspaceRoot: '/elsewhere' }, host), { reference: 'builtin:standard', origin: 'builtin' });
  // A glob picomatch refuses (longer than 64 KB) matches nothing instead of failing the check.
  const refused = { ['*'.repeat(70_000)]: 'huge.yaml', 'sub/*.md': 'team.yaml' };
  assert.deepEqual(resolveSchemaReference({ ...base, schemaSettings: refused }, host), { reference: '/w/team.yaml', origin: 'setting' });
});

test('a broken schema never silences checking: one schema-invalid finding, built-in rules still apply', () => {
  const host = memoryHost({ '/w/tradecraft.schema.yaml': 'sections: 42\n' });
  const result = new Engine(host).check({ text: 'Just text.\n', documentPath: '/w/a.assessment.md', workspaceRoot: '/w' });
  assert.equal(result.findings.filter((f) => f.rule === 'schema-invalid').length, 1);
  assert.ok(result.findings.some((f) => f.rule === 'section-missing'));
  assert.equal(result.schema.source, 'builtin:standard');
});

test('sign-off patterns run in linear time: a catastrophic pattern cannot hang the engine, backreferences are refused', () => {
  assert.match(checkSchemaText('/w/s.yaml', "signOff:\n  pattern: '^(?<agentId>(a)\\1), (?<role>.+)$'\n")[0]!.message, /linear-time engine/);
  const host = memoryHost({ '/w/tradecraft.schema.yaml': "signOff:\n  pattern: '^(?<agentId>(a+)+)$(?<role>)'\n" });
  const hostile = `Text.\n\n${'a'.repeat(5000)}b\n`;
  // CPU time, not wall time: a busy machine may pause the process, but not make it compute more.
  const started = process.cpuUsage();
  const result = new Engine(host).check({ text: hostile, documentPath: '/w/x.assessment.md', workspaceRoot: '/w' });
  const { user, system } = process.cpuUsage(started);
  const cpuMs = (user + system) / 1000;
  assert.ok(result.findings.some((f) => f.rule === 'signoff-missing'));
  // Exponential backtracking on this input would take longer than the age of the universe.
  assert.ok(cpuMs < 5000, `took ${cpuMs} ms of CPU time`);
});

test('scenario markers: declared ones open scenario headers (and are not part of the label); other symbol-led lines are sub-blocks', () => {
  const host = memoryHost({ '/w/tradecraft.schema.yaml': "scenarios:\n  markers: ['[S1]', '[S2]', '🟢']\n" });
  const loaded = loadSchema('/w/tradecraft.schema.yaml', host);
  assert.ok(loaded.ok, JSON.stringify(!loaded.ok && loaded.problems));
  assert.deepEqual(loaded.schema.scenarios.markers, ['[S1]', '[S2]', '🟢']);
  // Markers do not replace the parent's labels or fields.
  assert.ok(loaded.schema.scenarios.labels.includes('Most Likely'));
  const text = [
    '## Forecast',
    '[S1] Talks Continue (Short Term)',
    '- Trigger: A second round is scheduled.',
    '📌 Note on sources',
    '- Outcome: a field, yet no scenario where markers are declared.',
    '🟢 Most Likely (Long Term): A Deal',
    '- Outcome: A deal.',
    '[S3] Not a declared marker',
    '',
  ].join('\n');
  const model = new Engine(host).check({ text, documentPath: '/w/a.assessment.md', workspaceRoot: '/w' }).model;
  assert.deepEqual(model.scenarios.map((scenario) => [scenario.label, scenario.horizon, scenario.line]), [['Talks Continue', 'Short Term', 1], ['Most Likely', 'Long Term', 5]]);
  assert.deepEqual(model.sections[0]!.children.map((child) => child.title), ['Note on sources']);
  // Without markers, any emoji-led line of the section opens a scenario, as before.
  const plain = new Engine(memoryHost({})).check({ text, documentPath: '/w/a.assessment.md', workspaceRoot: '/w' }).model;
  assert.deepEqual(plain.scenarios.map((scenario) => scenario.line), [3, 5]);

  const bad = loadSchema('/w/tradecraft.schema.yaml', memoryHost({ '/w/tradecraft.schema.yaml': "scenarios:\n  markers: ['  ']\n" }));
  assert.equal(bad.ok, false, 'a blank marker is a schema problem');
});

test('front matter that names a schema unreadably is a schema-invalid finding, and the built-in schema applies', () => {
  const body = '## Current Situation\n\nText.\n';
  const check = (frontMatter: string) => new Engine(memoryHost({})).check({ text: `---\n${frontMatter}\n---\n${body}`, documentPath: '/w/a.md', workspaceRoot: '/w' });
  const broken = check('schema: [unclosed');
  assert.equal(broken.schemaReference.reference, 'builtin:standard');
  assert.deepEqual(
    broken.findings.filter((f) => f.rule === 'schema-invalid').map((f) => [f.range.start.line, /^The schema could not be used, so the built-in schema applies: the front matter names a schema but is not valid YAML \(/.test(f.message)]),
    [[0, true]],
  );
  assert.match(check('schema:').findings.find((f) => f.rule === 'schema-invalid')?.message ?? '', /its schema: value is not a schema name or path\.$/);
  assert.deepEqual(check('title: Talks').findings.filter((f) => f.rule === 'schema-invalid'), [], 'no schema: key, nothing to report');
  assert.deepEqual(check('schema: builtin:standard').findings.filter((f) => f.rule === 'schema-invalid'), []);
});
