/**
 * package.json's `contributes` and the client agree: command ids, views, context keys, settings
 * (with the server's settings module), files the manifest points at.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { BUILTIN_YARDSTICKS } from '../../../server/src/core/estimative/index.js';
import { RULES } from '../../../server/src/core/index.js';
import { DEFAULT_DEBOUNCE_MS, MAX_DEBOUNCE_MS, defaultSettings } from '../../../server/src/settings.js';
import { Commands, ContextKeys, Views } from '../../../client/src/constants.js';
import { contributes as expectedContributes } from '../../../client/src/manifest/contributes.js';
import { projectRoot } from '../../support/paths.js';

interface Manifest {
  main: string;
  icon: string;
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string; description: string; restrictedConfigurations: string[] } };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    views: Record<string, { id: string; name: string; when?: string }[]>;
    configuration: { properties: Record<string, Setting> };
    jsonValidation: { fileMatch: string; url: string }[];
    yamlValidation: { fileMatch: string; url: string }[];
    snippets: { language: string; path: string }[];
    walkthroughs: { steps: { id: string; media: { markdown?: string; image?: string } }[] }[];
  };
}

interface Setting {
  type: string;
  default: unknown;
  scope: string;
  markdownDescription?: string;
  description?: string;
  enum?: unknown[];
  maximum?: number;
  properties?: Record<string, { enum: string[] }>;
}

if (process.env.UPDATE_MANIFEST === '1') {
  // package.json is shared: change only `contributes`, and only through npm's own editor.
  execFileSync('npm', ['pkg', 'set', '--json', `contributes=${JSON.stringify(expectedContributes())}`], { cwd: projectRoot, stdio: 'inherit' });
}
const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as Manifest;
const { contributes } = manifest;

test('package.json contributes what the code defines (ids, settings, rules, yardsticks)', () => {
  assert.deepEqual(contributes, expectedContributes(), 'package.json `contributes` is stale: run the unit tests once with UPDATE_MANIFEST=1');
});
/** Commands only the extension itself invokes (from tree items); not in the palette. */
const INTERNAL = new Set<string>([Commands.revealLine]);

test('every command id in constants.ts is contributed, and nothing else', () => {
  const contributed = contributes.commands.map((command) => command.command).sort();
  const ours = Object.values(Commands).filter((id) => !INTERNAL.has(id)).sort();
  assert.deepEqual(contributed, ours);
  for (const command of contributes.commands) {
    assert.equal(command.category, 'Tradecraft');
    assert.ok(command.title.length > 0);
  }
});

test('menus only name contributed commands and known context keys', () => {
  const ids = new Set(contributes.commands.map((command) => command.command));
  const keys = new Set<string>(Object.values(ContextKeys));
  for (const [menu, entries] of Object.entries(contributes.menus)) {
    for (const entry of entries) {
      assert.ok(ids.has(entry.command), `${menu}: ${entry.command}`);
      for (const key of entry.when?.match(/tradecraft\.[A-Za-z.]+/g) ?? []) {
        if (key.startsWith('tradecraft.') && key !== Views.assessmentOutline) assert.ok(keys.has(key), `${menu}: unknown context key ${key}`);
      }
    }
  }
  // The preview is one click away in the editor title, when an assessment is open.
  assert.ok(contributes.menus['editor/title']?.some((entry) => entry.command === Commands.showPreview && entry.when?.includes(ContextKeys.activeEditorIsAssessment)));
  assert.ok(contributes.menus['view/title']?.some((entry) => entry.command === Commands.showPreview && entry.when === `view == ${Views.assessmentOutline}`));
});

test('the Assessment Outline view lives in the Explorer and shows for assessments', () => {
  assert.deepEqual(
    contributes.views.explorer?.map((view) => [view.id, view.name, view.when]),
    [[Views.assessmentOutline, 'Assessment Outline', ContextKeys.activeEditorIsAssessment]],
  );
});

test('settings match the server’s settings: names, defaults, enums, resource scope', () => {
  const properties = contributes.configuration.properties;
  const defaults = defaultSettings();
  assert.deepEqual(Object.keys(properties).sort(), [
    'tradecraft.files',
    'tradecraft.rules',
    'tradecraft.schemas',
    'tradecraft.trace.server',
    'tradecraft.validate.debounceMs',
    'tradecraft.validate.run',
    'tradecraft.yardstick',
  ]);
  for (const [name, setting] of Object.entries(properties)) {
    assert.equal(setting.scope, 'resource', name);
    assert.ok((setting.markdownDescription ?? setting.description ?? '').length > 20, `${name} has a description`);
  }
  assert.deepEqual(properties['tradecraft.files']?.default, defaults.files);
  assert.deepEqual(properties['tradecraft.schemas']?.default, defaults.schemas);
  assert.deepEqual(properties['tradecraft.rules']?.default, defaults.rules);
  assert.equal(properties['tradecraft.yardstick']?.default, '', 'empty: the schema’s yardstick');
  assert.deepEqual(properties['tradecraft.yardstick']?.enum, ['', ...BUILTIN_YARDSTICKS.map((yardstick) => yardstick.id)]);
  assert.equal(properties['tradecraft.validate.run']?.default, defaults.validate.run);
  assert.deepEqual(properties['tradecraft.validate.run']?.enum, ['onType', 'onSave']);
  assert.equal(properties['tradecraft.validate.debounceMs']?.default, DEFAULT_DEBOUNCE_MS);
  assert.equal(properties['tradecraft.validate.debounceMs']?.maximum, MAX_DEBOUNCE_MS);
  assert.equal(properties['tradecraft.trace.server']?.default, defaults.trace.server);
  assert.deepEqual(properties['tradecraft.trace.server']?.enum, ['off', 'messages', 'verbose']);
  // Every rule can be set, to the severities the schema allows.
  const rules = properties['tradecraft.rules']?.properties ?? {};
  assert.deepEqual(Object.keys(rules), RULES.map((rule) => rule.id), 'package.json lists the rule registry in order');
  for (const [id, rule] of Object.entries(rules)) assert.deepEqual(rule.enum, ['error', 'warning', 'info', 'hint', 'off'], id);
});

test('activation, restricted mode and entry point', () => {
  assert.equal(manifest.main, './dist/extension.cjs');
  for (const event of ['onLanguage:markdown', 'workspaceContains:**/*.assessment.md', 'workspaceContains:**/tradecraft.schema.*']) assert.ok(manifest.activationEvents.includes(event), event);
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['tradecraft.schemas']);
  // @types/vscode may not promise more API than engines.vscode allows.
  assert.equal(manifest.engines.vscode, '^1.91.0');
  assert.match(manifest.devDependencies['@types/vscode'] ?? '', /^\^?1\.91(\.\d+)?$/);
});

test('every file the manifest points at exists', () => {
  const files = [
    manifest.icon,
    ...contributes.jsonValidation.map((entry) => entry.url),
    ...contributes.yamlValidation.map((entry) => entry.url),
    ...contributes.snippets.map((entry) => entry.path),
    ...contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps.map((step) => step.media.markdown ?? step.media.image ?? '')),
  ];
  for (const file of files) assert.ok(existsSync(path.join(projectRoot, file)), file);
  assert.deepEqual(contributes.jsonValidation.map((entry) => entry.fileMatch), ['tradecraft.schema.json']);
  assert.deepEqual(contributes.yamlValidation.map((entry) => entry.fileMatch), ['tradecraft.schema.yaml', 'tradecraft.schema.yml']);
  assert.deepEqual(contributes.snippets.map((entry) => entry.language), ['markdown']);
});

test('the icon is a 128×128 PNG of modest size', () => {
  const png = readFileSync(path.join(projectRoot, manifest.icon));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.readUInt32BE(16), 128, 'width');
  assert.equal(png.readUInt32BE(20), 128, 'height');
  assert.ok(png.length < 32 * 1024, `${png.length} bytes`);
});

test('the package leaves node_modules, sources and tests out', () => {
  const ignore = readFileSync(path.join(projectRoot, '.vscodeignore'), 'utf8').split('\n').filter((line) => line.trim() && !line.startsWith('#'));
  assert.equal(ignore[0], '**', 'everything is excluded unless listed');
  const kept = ignore.filter((line) => line.startsWith('!')).map((line) => line.slice(1));
  assert.ok(!kept.some((line) => /node_modules|^out|\.ts$|^test/.test(line)), kept.join(', '));
  for (const needed of ['dist/extension.cjs', 'dist/server.js', 'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'snippets/**', 'syntaxes/**', 'client/media/**', 'schemas/tradecraft.schema.json']) {
    assert.ok(kept.includes(needed), needed);
  }
});

test('the walkthrough’s example schema is a valid schema', async () => {
  const { loadSchema } = await import('../../../server/src/core/index.js');
  const markdown = readFileSync(path.join(projectRoot, 'client/media/walkthrough/add-schema.md'), 'utf8');
  const yaml = /```yaml\n([\s\S]*?)```/.exec(markdown)?.[1];
  assert.ok(yaml);
  const file = path.join(projectRoot, 'tradecraft.schema.yaml');
  const loaded = loadSchema(file, { readFile: (filePath) => (filePath === file ? yaml : undefined) });
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.problems.map((problem) => problem.message).join('\n'));
});
