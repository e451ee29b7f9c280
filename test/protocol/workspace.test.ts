/**
 * Workspace diagnostics (files checked from disk without being opened, kept current through
 * watched-file events), schema files with their own diagnostics, and multi-root folders.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CORPUS_TEXT, engineFindings, expectedDiagnostics, TestClient, tempFolder, uriOf } from './lspClient.js';

// Generous: a cap for a hang, on a shared machine that may start several servers in one test.
const TIMEOUT = { timeout: 120_000 };

function write(filePath: string, text: string): string {
  mkdirSync(path.dirname(filePath), { recursive: true });
  writeFileSync(filePath, text);
  return filePath;
}

const SMALL = '## Current Situation\nTalks continue.\n';

test('every assessment in the workspace is checked from disk, without being opened', TIMEOUT, async () => {
  const { folder, cleanup } = tempFolder();
  const corpus = write(path.join(folder, 'oman.assessment.md'), CORPUS_TEXT);
  const small = write(path.join(folder, 'drafts', 'small.assessment.md'), SMALL);
  const frontMatter = write(path.join(folder, 'notes', 'with-schema.md'), `---\nschema: builtin:standard\n---\n${SMALL}`);
  write(path.join(folder, 'README.md'), '# Read me\n');
  write(path.join(folder, 'node_modules', 'pkg', 'ignored.assessment.md'), SMALL);
  write(path.join(folder, '.git', 'ignored.assessment.md'), SMALL);

  const client = await TestClient.start({ folders: [folder] });
  try {
    for (const filePath of [corpus, small, frontMatter]) {
      const uri = uriOf(filePath);
      const expected = expectedDiagnostics(engineFindings(readFileSync(filePath, 'utf8'), filePath, folder), uri);
      const params = await client.diagnosticsMatching(uri, () => true);
      assert.deepEqual(params, { uri, diagnostics: expected });
    }
    assert.ok(client.registrations.some((registration) => registration.method === 'workspace/didChangeWatchedFiles'));

    // A round trip, then: nothing was published for plain Markdown or ignored folders.
    await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf(corpus) } });
    const publishedUris = new Set(client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').map((n) => (n.params as { uri: string }).uri));
    assert.deepEqual([...publishedUris].sort(), [corpus, small, frontMatter].map(uriOf).sort());
  } finally {
    await client.stop();
    cleanup();
  }
});

test('files created, changed and deleted on disk are followed through watched-file events', TIMEOUT, async () => {
  const { folder, cleanup } = tempFolder();
  const small = write(path.join(folder, 'small.assessment.md'), SMALL);
  const client = await TestClient.start({ folders: [folder] });
  try {
    await client.diagnosticsMatching(uriOf(small), (params) => params.diagnostics.length > 0);

    const created = write(path.join(folder, 'new', 'created.assessment.md'), CORPUS_TEXT);
    const createdPublished = client.nextDiagnostics(uriOf(created));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(created), type: 1 }] });
    assert.deepEqual((await createdPublished).diagnostics, expectedDiagnostics(engineFindings(CORPUS_TEXT, created, folder), uriOf(created)));

    write(small, CORPUS_TEXT);
    const changed = client.nextDiagnostics(uriOf(small));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(small), type: 2 }] });
    assert.deepEqual((await changed).diagnostics, expectedDiagnostics(engineFindings(CORPUS_TEXT, small, folder), uriOf(small)));

    rmSync(created);
    const deleted = client.nextDiagnostics(uriOf(created));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(created), type: 3 }] });
    assert.deepEqual((await deleted).diagnostics, []);
  } finally {
    await client.stop();
    cleanup();
  }
});

test('an open document wins over its file; closed, the file on disk is reported again', TIMEOUT, async () => {
  const { folder, cleanup } = tempFolder();
  const filePath = write(path.join(folder, 'edited.assessment.md'), SMALL);
  const uri = uriOf(filePath);
  const client = await TestClient.start({ folders: [folder] });
  try {
    const fromDisk = expectedDiagnostics(engineFindings(SMALL, filePath, folder), uri);
    await client.diagnosticsMatching(uri, (params) => params.version === undefined);

    const opened = client.nextDiagnostics(uri, (params) => params.version === 1);
    await client.open(uri, CORPUS_TEXT);
    assert.deepEqual((await opened).diagnostics, expectedDiagnostics(engineFindings(CORPUS_TEXT, filePath, folder), uri));

    const closed = client.nextDiagnostics(uri);
    await client.close(uri);
    assert.deepEqual(await closed, { uri, diagnostics: fromDisk });
  } finally {
    await client.stop();
    cleanup();
  }
});

test('a broken schema file: documents fall back to the built-in schema (schema-invalid), the file shows its problems', TIMEOUT, async () => {
  const { folder, cleanup } = tempFolder();
  const schemaPath = write(path.join(folder, 'tradecraft.schema.yaml'), 'extends: builtin:standard\nsections: 42\n');
  const docPath = write(path.join(folder, 'doc.assessment.md'), CORPUS_TEXT);
  const client = await TestClient.start({ folders: [folder] });
  try {
    const doc = await client.diagnosticsMatching(uriOf(docPath), () => true);
    const first = doc.diagnostics[0];
    assert.equal(first?.code, 'schema-invalid');
    assert.deepEqual(first.range.start, { line: 0, character: 0 });
    assert.deepEqual(doc.diagnostics, expectedDiagnostics(engineFindings(CORPUS_TEXT, docPath, folder), uriOf(docPath)));

    const schema = await client.diagnosticsMatching(uriOf(schemaPath), () => true);
    assert.deepEqual(schema, {
      uri: uriOf(schemaPath),
      diagnostics: [{ range: { start: { line: 1, character: 10 }, end: { line: 1, character: 12 } }, severity: 1, source: 'tradecraft', message: 'sections must be of type array.' }],
    });

    // Opened in the editor, the schema file is checked as it is typed.
    const opened = client.nextDiagnostics(uriOf(schemaPath), (params) => params.version === 2);
    await client.open(uriOf(schemaPath), 'sections: 42\n', 'yaml');
    await client.change(uriOf(schemaPath), 'sections: []\nsurprise: true\n');
    assert.deepEqual((await opened).diagnostics.map((diagnostic) => [diagnostic.range.start.line, diagnostic.message]), [[1, 'Unknown key “surprise” in the schema.']]);

    // Fixed on disk: the document is checked against it again.
    write(schemaPath, 'extends: builtin:standard\nrules:\n  section-not-heading: off\n');
    const recovered = client.nextDiagnostics(uriOf(docPath), (params) => !params.diagnostics.some((diagnostic) => diagnostic.code === 'schema-invalid'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(schemaPath), type: 2 }] });
    assert.deepEqual((await recovered).diagnostics, expectedDiagnostics(engineFindings(CORPUS_TEXT, docPath, folder), uriOf(docPath)));
    assert.ok(!(await recovered).diagnostics.some((diagnostic) => diagnostic.code === 'section-not-heading'));
  } finally {
    await client.stop();
    cleanup();
  }
});

test('multi-root: each folder resolves its own schema', TIMEOUT, async () => {
  const { folder: relaxed, cleanup: cleanupRelaxed } = tempFolder();
  const { folder: strict, cleanup: cleanupStrict } = tempFolder();
  write(path.join(relaxed, 'tradecraft.schema.yaml'), 'extends: builtin:standard\nrules:\n  section-not-heading: off\n  scenario-no-horizon: off\n');
  const relaxedDoc = write(path.join(relaxed, 'a.assessment.md'), CORPUS_TEXT);
  const strictDoc = write(path.join(strict, 'b.assessment.md'), CORPUS_TEXT);
  const client = await TestClient.start({ folders: [relaxed, strict] });
  try {
    const relaxedParams = await client.diagnosticsMatching(uriOf(relaxedDoc), () => true);
    const strictParams = await client.diagnosticsMatching(uriOf(strictDoc), () => true);
    assert.deepEqual(relaxedParams.diagnostics, expectedDiagnostics(engineFindings(CORPUS_TEXT, relaxedDoc, relaxed), uriOf(relaxedDoc)));
    assert.deepEqual(strictParams.diagnostics, expectedDiagnostics(engineFindings(CORPUS_TEXT, strictDoc, strict), uriOf(strictDoc)));
    const codes = (params: typeof relaxedParams) => new Set(params.diagnostics.map((diagnostic) => diagnostic.code));
    assert.ok(codes(strictParams).has('section-not-heading') && codes(strictParams).has('scenario-no-horizon'));
    assert.ok(!codes(relaxedParams).has('section-not-heading') && !codes(relaxedParams).has('scenario-no-horizon'));

    // The outline names the folder's schema file, relative to the folder.
    const opened = client.nextDiagnostics(uriOf(relaxedDoc), (params) => params.version === 1);
    await client.open(uriOf(relaxedDoc), CORPUS_TEXT);
    await opened;
    const outline: { schema: string } = await client.connection.sendRequest('tradecraft/outline', { textDocument: { uri: uriOf(relaxedDoc) } });
    assert.equal(outline.schema, 'tradecraft.schema.yaml');
  } finally {
    await client.stop();
    cleanupRelaxed();
    cleanupStrict();
  }
});

test('without file watching, saving a schema file in the editor re-checks the documents using it', TIMEOUT, async () => {
  const { folder, cleanup } = tempFolder();
  const schemaPath = write(path.join(folder, 'tradecraft.schema.yaml'), 'extends: builtin:standard\n');
  const docPath = path.join(folder, 'doc.assessment.md');
  const client = await TestClient.start({ folders: [folder], capabilities: { workspace: { workspaceFolders: true } } });
  try {
    assert.deepEqual(client.registrations, []);
    const opened = client.nextDiagnostics(uriOf(docPath));
    await client.open(uriOf(docPath), CORPUS_TEXT);
    assert.ok((await opened).diagnostics.some((diagnostic) => diagnostic.code === 'section-not-heading'));

    const relaxed = 'extends: builtin:standard\nrules:\n  section-not-heading: off\n';
    await client.open(uriOf(schemaPath), relaxed, 'yaml');
    write(schemaPath, relaxed);
    const rechecked = client.nextDiagnostics(uriOf(docPath));
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: uriOf(schemaPath) } });
    assert.deepEqual((await rechecked).diagnostics, expectedDiagnostics(engineFindings(CORPUS_TEXT, docPath, folder), uriOf(docPath)));
    assert.ok(!(await rechecked).diagnostics.some((diagnostic) => diagnostic.code === 'section-not-heading'));
  } finally {
    await client.stop();
    cleanup();
  }
});

test('workspace folders added later are scanned; removed ones are cleared', TIMEOUT, async () => {
  const { folder: first, cleanup: cleanupFirst } = tempFolder();
  const { folder: second, cleanup: cleanupSecond } = tempFolder();
  const firstDoc = write(path.join(first, 'a.assessment.md'), SMALL);
  const secondDoc = write(path.join(second, 'b.assessment.md'), CORPUS_TEXT);
  const client = await TestClient.start({ folders: [first] });
  try {
    await client.diagnosticsMatching(uriOf(firstDoc), (params) => params.diagnostics.length > 0);
    const added = client.nextDiagnostics(uriOf(secondDoc));
    const cleared = client.nextDiagnostics(uriOf(firstDoc), (params) => params.diagnostics.length === 0);
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: uriOf(second), name: 'second' }], removed: [{ uri: uriOf(first), name: path.basename(first) }] },
    });
    assert.deepEqual((await added).diagnostics, expectedDiagnostics(engineFindings(CORPUS_TEXT, secondDoc, second), uriOf(secondDoc)));
    await cleared;
  } finally {
    await client.stop();
    cleanupFirst();
    cleanupSecond();
  }
});

test('a schema reached through extends or the schemas setting is followed when it changes on disk', TIMEOUT, async () => {
  const { folder, cleanup } = tempFolder();
  const base = write(path.join(folder, 'schemas', 'base.yaml'), 'extends: builtin:standard\n');
  write(path.join(folder, 'tradecraft.schema.yaml'), 'extends: ./schemas/base.yaml\n');
  const team = write(path.join(folder, 'schemas', 'team.yaml'), 'extends: builtin:standard\n');
  const schemaSettings = { 'team/*.assessment.md': 'schemas/team.yaml' };
  const client = await TestClient.start({ folders: [folder], settings: () => ({ schemas: schemaSettings, validate: { debounceMs: 0 } }) });
  const relaxed = 'extends: builtin:standard\nrules:\n  section-not-heading: off\n';
  const notHeading = (params: { diagnostics: { code?: unknown }[] }) => params.diagnostics.some((diagnostic) => diagnostic.code === 'section-not-heading');
  try {
    for (const [docPath, schemaPath] of [
      [path.join(folder, 'doc.assessment.md'), base],
      [path.join(folder, 'team', 'doc.assessment.md'), team],
    ] as const) {
      const uri = uriOf(docPath);
      const opened = client.nextDiagnostics(uri);
      await client.open(uri, CORPUS_TEXT);
      assert.ok(notHeading(await opened), `${path.relative(folder, docPath)}: the standard rules apply`);
      write(schemaPath, relaxed);
      const rechecked = client.nextDiagnostics(uri, (params) => !notHeading(params));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(schemaPath), type: 2 }] });
      assert.deepEqual((await rechecked).diagnostics, expectedDiagnostics(engineFindings(CORPUS_TEXT, docPath, folder, { schemaSettings }), uri));
    }
    // Registered once the server was initialized, long before the diagnostics above.
    const watched = client.registrations.flatMap((registration) => (registration.registerOptions as { watchers?: { globPattern: string }[] }).watchers ?? []).map((watcher) => watcher.globPattern);
    assert.ok(watched.includes('**/*.{yaml,yml,json}'), `schemas of any name are watched: ${watched.join(', ')}`);
  } finally {
    await client.stop();
    cleanup();
  }
});

test('without file watching, a schema changed on disk is used at the next check', TIMEOUT, async () => {
  const { folder, cleanup } = tempFolder();
  const schemaPath = write(path.join(folder, 'tradecraft.schema.yaml'), 'extends: builtin:standard\n');
  const docPath = path.join(folder, 'doc.assessment.md');
  const uri = uriOf(docPath);
  const client = await TestClient.start({ folders: [folder], capabilities: { workspace: { workspaceFolders: true } }, initializationOptions: { settings: { validate: { debounceMs: 0 } } } });
  try {
    const opened = client.nextDiagnostics(uri);
    await client.open(uri, CORPUS_TEXT);
    assert.ok((await opened).diagnostics.some((diagnostic) => diagnostic.code === 'section-not-heading'));
    // Changed by another program: no save in the editor, no watched-file event.
    write(schemaPath, 'extends: builtin:standard\nrules:\n  section-not-heading: off\n');
    const edited = `${CORPUS_TEXT}\n`;
    const rechecked = client.nextDiagnostics(uri);
    await client.change(uri, edited);
    assert.deepEqual((await rechecked).diagnostics, expectedDiagnostics(engineFindings(edited, docPath, folder), uri));
    assert.ok(!(await rechecked).diagnostics.some((diagnostic) => diagnostic.code === 'section-not-heading'));
  } finally {
    await client.stop();
    cleanup();
  }
});
