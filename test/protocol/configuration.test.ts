/** Settings: coerced at the boundary, read per folder, optional for clients, and followed when they change. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { CORPUS_TEXT, engineFindings, expectedDiagnostics, TestClient, tempFolder, uriOf } from './lspClient.js';

// Generous: a cap for a hang, on a shared machine that may start several servers in one test.
const TIMEOUT = { timeout: 120_000 };

async function withClient(options: Parameters<typeof TestClient.start>[0], run: (client: TestClient, folder: string) => Promise<void>): Promise<void> {
  const { folder, cleanup } = tempFolder();
  const client = await TestClient.start({ folders: [folder], ...options });
  try {
    await run(client, folder);
  } finally {
    await client.stop();
    cleanup();
  }
}

async function openCorpus(client: TestClient, folder: string, name = 'doc.assessment.md') {
  const filePath = path.join(folder, name);
  const uri = uriOf(filePath);
  const published = client.nextDiagnostics(uri);
  await client.open(uri, CORPUS_TEXT);
  return { uri, filePath, params: await published };
}

test('junk settings fall back to defaults, valid parts are kept, nothing is thrown', TIMEOUT, async () => {
  const junk = {
    files: 42,
    schemas: 'not a map',
    rules: { 'scenario-no-horizon': 'off', 'section-not-heading': 'LOUD', 'date-ambiguous': null, 7: ['error'] },
    yardstick: { name: 'nope' },
    validate: { run: 'sometimes', debounceMs: -5 },
    trace: null,
  };
  await withClient({ settings: () => junk }, async (client, folder) => {
    const { uri, filePath, params } = await openCorpus(client, folder);
    assert.deepEqual(params.diagnostics, expectedDiagnostics(engineFindings(CORPUS_TEXT, filePath, folder, { ruleSettings: { 'scenario-no-horizon': 'off' } }), uri));
    assert.ok(client.alive);
    assert.deepEqual(client.logMessages().filter((message) => /fail|error/i.test(message)), []);
  });
});

test('null and wrongly typed sections are the defaults', TIMEOUT, async () => {
  for (const settings of [null, 'tradecraft', [1, 2, 3], { validate: null, rules: [] }]) {
    await withClient({ settings: () => settings }, async (client, folder) => {
      const { uri, filePath, params } = await openCorpus(client, folder);
      assert.deepEqual(params.diagnostics, expectedDiagnostics(engineFindings(CORPUS_TEXT, filePath, folder), uri), JSON.stringify(settings));
    });
  }
});

test('settings are requested per workspace folder, and a configuration change re-validates', TIMEOUT, async () => {
  let rules: Record<string, string> = {};
  await withClient({ settings: () => ({ rules }) }, async (client, folder) => {
    const { uri, filePath } = await openCorpus(client, folder);
    assert.deepEqual(client.configurationRequests[0]?.items, [{ scopeUri: uriOf(folder), section: 'tradecraft' }]);
    assert.ok(client.registrations.some((registration) => registration.method === 'workspace/didChangeConfiguration'));

    rules = { 'section-not-heading': 'error' };
    const republished = client.nextDiagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'section-not-heading' && diagnostic.severity === 1));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const params = await republished;
    assert.deepEqual(params.diagnostics, expectedDiagnostics(engineFindings(CORPUS_TEXT, filePath, folder, { ruleSettings: { 'section-not-heading': 'error' } }), uri));
  });
});

test('tradecraft.files makes other Markdown files assessments (globs relative to the folder)', TIMEOUT, async () => {
  await withClient({ settings: () => ({ files: ['reports/**/*.md'] }) }, async (client, folder) => {
    const report = uriOf(path.join(folder, 'reports', '2026', 'oman.md'));
    const published = client.nextDiagnostics(report);
    await client.open(report, CORPUS_TEXT);
    assert.ok((await published).diagnostics.length > 0);
  });
});

test('validate.run onSave: typing does not re-validate, saving does', TIMEOUT, async () => {
  await withClient({ settings: () => ({ validate: { run: 'onSave', debounceMs: 0 } }) }, async (client, folder) => {
    const { uri } = await openCorpus(client, folder);
    const saved = client.nextDiagnostics(uri);
    await client.change(uri, `${CORPUS_TEXT}\n03/04/26\n`);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const params = await saved;
    assert.equal(params.version, 2);
    assert.ok(params.diagnostics.some((diagnostic) => diagnostic.code === 'date-ambiguous'));
    assert.equal(client.published(uri).length, 2, 'one publish on open, one on save, none on typing');
  });
});

test('a client without workspace/configuration works with defaults and initializationOptions', TIMEOUT, async () => {
  await withClient({ capabilities: {} }, async (client, folder) => {
    const { uri, filePath, params } = await openCorpus(client, folder);
    assert.deepEqual(params.diagnostics, expectedDiagnostics(engineFindings(CORPUS_TEXT, filePath, folder), uri));
    assert.deepEqual(client.configurationRequests, []);
    assert.deepEqual(client.registrations, []);
  });
  await withClient({ capabilities: {}, initializationOptions: { settings: { rules: { 'section-not-heading': 'off' } } } }, async (client, folder) => {
    // Clients send empty or other servers' settings at start-up (Neovim: `{}`): the options stay.
    for (const settings of [null, {}, { marksman: { enabled: true } }]) await client.connection.sendNotification('workspace/didChangeConfiguration', { settings });
    const { uri, filePath, params } = await openCorpus(client, folder);
    assert.deepEqual(params.diagnostics, expectedDiagnostics(engineFindings(CORPUS_TEXT, filePath, folder, { ruleSettings: { 'section-not-heading': 'off' } }), uri));

    // Such clients push settings with the change notification instead.
    const republished = client.nextDiagnostics(uri, (next) => next.diagnostics.some((diagnostic) => diagnostic.code === 'section-not-heading'));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { tradecraft: { rules: { 'scenario-no-horizon': 'off' } } } });
    const after = await republished;
    assert.deepEqual(after.diagnostics, expectedDiagnostics(engineFindings(CORPUS_TEXT, filePath, folder, { ruleSettings: { 'scenario-no-horizon': 'off' } }), uri));

    // Others push flat dotted keys with the section's name, or the section without its name.
    for (const [settings, rule] of [[{ 'tradecraft.rules': { 'section-not-heading': 'off' } }, 'section-not-heading'], [{ rules: { 'scenario-missing-field': 'off' } }, 'scenario-missing-field']] as const) {
      const next = client.nextDiagnostics(uri, (published) => !published.diagnostics.some((diagnostic) => diagnostic.code === rule));
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings });
      assert.deepEqual((await next).diagnostics, expectedDiagnostics(engineFindings(CORPUS_TEXT, filePath, folder, { ruleSettings: { [rule]: 'off' } }), uri));
    }
  });
});
