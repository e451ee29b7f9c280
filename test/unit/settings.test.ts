/** Settings as clients send them: any shape in, valid settings out. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coerceSettings, DEFAULT_DEBOUNCE_MS, defaultSettings, MAX_DEBOUNCE_MS, pushedSection } from '../../server/src/settings.js';

test('pushed settings are found in every shape clients send them in', () => {
  const onSave = (section: Record<string, unknown> | undefined) => coerceSettings(section).validate.run;
  assert.equal(onSave(pushedSection({ tradecraft: { validate: { run: 'onSave' } } })), 'onSave');
  assert.equal(onSave(pushedSection({ tradecraft: { 'validate.run': 'onSave' } })), 'onSave');
  assert.equal(onSave(pushedSection({ 'tradecraft.validate.run': 'onSave', 'marksman.enabled': true })), 'onSave');
  assert.equal(onSave(pushedSection({ validate: { run: 'onSave' } })), 'onSave');
  assert.equal(onSave(pushedSection({ 'validate.run': 'onSave' })), 'onSave');
  assert.deepEqual(coerceSettings(pushedSection({ 'tradecraft.rules': { 'section-order': 'off' } })).rules, { 'section-order': 'off' });
});

test('pushed settings with nothing of ours are not ours', () => {
  for (const pushed of [null, undefined, 'tradecraft', [], {}, { marksman: { enabled: true } }, { 'validated.run': 'onSave' }, { tradecraftish: {} }]) {
    assert.equal(pushedSection(pushed), undefined, JSON.stringify(pushed));
  }
});

test('wrongly typed and unknown values fall back to the defaults, valid ones are kept', () => {
  assert.deepEqual(coerceSettings(undefined), defaultSettings());
  const settings = coerceSettings({
    files: ' notes/**/*.md ',
    schemas: { '': 'builtin:standard', 'a/**': 7, 'b/**': ' team.yaml ' },
    rules: { 'section-order': 'WARN', 'date-ambiguous': 'loud', 'scenario-no-horizon': 'none' },
    yardstick: ' PHIA ',
    validate: { run: 'sometimes', debounceMs: -5 },
    trace: { server: 'verbose' },
  });
  assert.deepEqual(settings.files, ['notes/**/*.md']);
  assert.deepEqual(settings.schemas, { 'b/**': 'team.yaml' });
  assert.deepEqual(settings.rules, { 'section-order': 'warning', 'scenario-no-horizon': 'off' });
  assert.equal(settings.yardstick, 'phia');
  assert.equal(settings.validate.run, 'onType');
  assert.equal(settings.validate.debounceMs, DEFAULT_DEBOUNCE_MS);
  assert.equal(coerceSettings({ validate: { debounceMs: '60000' } }).validate.debounceMs, MAX_DEBOUNCE_MS);
  assert.equal(settings.trace.server, 'verbose');
});
