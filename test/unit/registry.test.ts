/** The rule registry: ids unique and well-formed, each with a doc page, fixtures, and a row in the JSON Schema. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../server/src/core/index.js';
import { fixturesDir, projectRoot } from '../support/paths.js';

test('rule ids are unique and kebab-case', () => {
  const ids = RULES.map((rule) => rule.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
});

test('every rule in RULES.md is registered', () => {
  const catalogue = readFileSync(path.join(projectRoot, '..', 'shared', 'spec', 'RULES.md'), 'utf8');
  const specified = [...catalogue.matchAll(/^\| `([a-z-]+)` \|/gm)].map((match) => match[1]);
  const registered = new Set(RULES.map((rule) => rule.id));
  assert.deepEqual(specified.filter((id) => !registered.has(id!)), []);
});

for (const rule of RULES) {
  test(`${rule.id} has a doc page, fixtures and a JSON Schema entry`, () => {
    const doc = path.join(projectRoot, 'docs', 'rules', `${rule.id}.md`);
    assert.ok(existsSync(doc), `missing ${path.relative(projectRoot, doc)}`);
    assert.match(readFileSync(doc, 'utf8'), new RegExp(`^# \`${rule.id}\``));
    for (const fixture of ['valid.md', 'invalid.md']) {
      const file = path.join(fixturesDir, 'rules', rule.id, fixture);
      assert.ok(existsSync(file), `missing ${path.relative(projectRoot, file)}`);
    }
    if (rule.safeFix) assert.ok(existsSync(path.join(fixturesDir, 'rules', rule.id, 'invalid.fixed.md')), `${rule.id} has a safe fix but no invalid.fixed.md`);
  });
}

test('the JSON Schema lists exactly the registered rules (run `npm run generate:schema` after adding one)', () => {
  const schema = JSON.parse(readFileSync(path.join(projectRoot, 'schemas', 'tradecraft.schema.json'), 'utf8')) as {
    properties: { rules: { properties: Record<string, unknown> } };
  };
  assert.deepEqual(Object.keys(schema.properties.rules.properties), RULES.map((rule) => rule.id));
});

test('a rule that reads prose segments itself declares what it finds there (proseFacts), so that carried-over edits stay exact', () => {
  // Other rules read prose through the model and the estimative scan, which core/edit.ts compares itself.
  for (const rule of RULES) {
    const source = readFileSync(path.join(projectRoot, 'server', 'src', 'core', 'rules', `${rule.id}.ts`), 'utf8');
    if (/\bprose(?:Segments|WithNumbers)\(/.test(source)) assert.ok(rule.proseFacts, `${rule.id} reads prose segments but declares no proseFacts`);
  }
});
