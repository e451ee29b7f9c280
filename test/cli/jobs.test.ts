/** `lint --jobs N`: worker threads give the same report, in the same order, as one thread. */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { corpusText, parseJson, runCli, tempFolder, type JsonReport } from './cliHarness.js';

/**
 * Counts worker threads by wrapping the Worker class before the CLI loads (a preload module; the
 * bundle imports node:worker_threads, whose named exports follow the patched CommonJS object).
 */
const COUNT_WORKERS = `data:text/javascript,${encodeURIComponent(`
import workerThreads from 'node:worker_threads';
import { syncBuiltinESMExports } from 'node:module';
if (workerThreads.isMainThread) {
  const Original = workerThreads.Worker;
  workerThreads.Worker = class extends Original {
    constructor(...args) { super(...args); process.stderr.write('[worker started]\\n'); }
  };
  syncBuiltinESMExports();
}
`)}`;

/** 32 assessments of different shapes (33 with init's example), under names whose sorted order differs from creation order. */
function manyFiles(): string {
  const cwd = tempFolder();
  assert.equal(runCli(['init', 'clean'], { cwd }).code, 0);
  const corpus = corpusText();
  const example = readFileSync(path.join(cwd, 'clean', 'example.assessment.md'), 'utf8');
  const shapes = [
    corpus,
    example,
    corpus.replace(/^- Trigger:.*\n/m, ''),
    example.replace('## Bottom Line', '## Conclusion'),
    '',
    corpus.slice(0, corpus.length / 2),
  ];
  for (let i = 0; i < 32; i++) {
    const folder = path.join(cwd, `group-${(i * 7) % 5}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${String((i * 13) % 32).padStart(2, '0')}-report.assessment.md`), shapes[i % shapes.length]!);
  }
  return cwd;
}

function workersStarted(stderr: string): number {
  return stderr.split('\n').filter((line) => line === '[worker started]').length;
}

test('--jobs 1 and --jobs 4 print identical reports in sorted file order', () => {
  const cwd = manyFiles();
  const outputs = new Map<string, string>();
  for (const format of ['json', 'text']) {
    const one = runCli(['lint', '--format', format, '--jobs', '1'], { cwd, nodeOptions: ['--import', COUNT_WORKERS] });
    const four = runCli(['lint', '--format', format, '--jobs', '4'], { cwd, nodeOptions: ['--import', COUNT_WORKERS] });
    assert.equal(workersStarted(one.stderr), 0, 'one job runs in process');
    // 33 files make two threads' worth (16 files each): the command's own thread and one worker.
    assert.equal(workersStarted(four.stderr), 1, '--jobs 4 on 33 files');
    assert.equal(four.stdout, one.stdout, `--format ${format}`);
    assert.equal(four.code, one.code);
    assert.equal(one.code, 1);
    outputs.set(format, four.stdout);
  }
  const paths = (JSON.parse(outputs.get('json')!) as JsonReport).files.map((file) => file.path);
  assert.equal(paths.length, 33);
  assert.deepEqual(paths, [...paths].sort());
});

test('--fix on workers writes the same files as in process', () => {
  const inProcess = manyFiles();
  const onWorkers = manyFiles();
  const one = runCli(['lint', '--fix', '--format', 'json', '--jobs', '1'], { cwd: inProcess });
  const four = runCli(['lint', '--fix', '--format', 'json', '--jobs', '4'], { cwd: onWorkers, nodeOptions: ['--import', COUNT_WORKERS] });
  assert.equal(workersStarted(four.stderr), 1);
  assert.equal(four.stdout, one.stdout);
  for (const file of parseJson<JsonReport>(one).files) {
    assert.equal(readFileSync(path.join(onWorkers, file.path), 'utf8'), readFileSync(path.join(inProcess, file.path), 'utf8'), file.path);
  }
});

test('a few files are linted without starting workers', () => {
  const cwd = tempFolder();
  for (const name of ['a', 'b', 'c']) writeFileSync(path.join(cwd, `${name}.assessment.md`), corpusText());
  const run = runCli(['lint', '--jobs', '8'], { cwd, nodeOptions: ['--import', COUNT_WORKERS] });
  assert.equal(workersStarted(run.stderr), 0);
  assert.equal(run.code, 1);
});
