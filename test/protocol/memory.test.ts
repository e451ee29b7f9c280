/** Memory stays flat over many open/change/close cycles: nothing is kept per closed document. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { CORPUS_TEXT, TestClient, tempFolder, uriOf } from './lspClient.js';

const TIMEOUT = { timeout: 600_000 };
const HEAP_LIMIT_MB = 96;
const CYCLES = 1200;
let client: TestClient;
let workspace: ReturnType<typeof tempFolder>;

before(async () => {
  workspace = tempFolder();
  // A small heap makes the collector work instead of growing the heap: what stays then is kept.
  client = await TestClient.start({ folders: [workspace.folder], settings: () => ({ validate: { debounceMs: 0 } }), nodeArgs: [`--max-old-space-size=${HEAP_LIMIT_MB}`] });
});

after(async () => {
  await client.stop();
  workspace.cleanup();
});

/** Resident memory of the server process, from the kernel's own accounting. */
function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function cycle(index: number): Promise<void> {
  const uri = uriOf(path.join(workspace.folder, `doc-${index}.assessment.md`));
  const opened = client.nextDiagnostics(uri);
  await client.open(uri, CORPUS_TEXT);
  await opened;
  const changed = client.nextDiagnostics(uri);
  await client.change(uri, CORPUS_TEXT.replace('Friday', `Friday ${index}`));
  await changed;
  const cleared = client.nextDiagnostics(uri, (params) => params.diagnostics.length === 0);
  await client.close(uri);
  await cleared;
}

test('memory stays flat over 1,200 open/change/close cycles', { ...TIMEOUT, skip: process.platform !== 'linux' ? 'reads /proc' : false }, async () => {
  const pid = client.pid!;
  // Resident memory includes garbage not yet collected, so one reading depends on when the last
  // collection ran: each window's lowest reading (one every ten cycles) is what survives them.
  const lowestOver = async (from: number, to: number) => {
    let lowest = Infinity;
    for (let i = from; i < to; i++) {
      await cycle(i);
      if (i % 10 === 9) lowest = Math.min(lowest, residentMegabytes(pid));
    }
    return lowest;
  };
  await lowestOver(0, 100);
  const baseline = await lowestOver(100, 200);
  await lowestOver(200, 100 + CYCLES);
  const final = await lowestOver(100 + CYCLES, 200 + CYCLES);
  // Keeping one corpus-sized analysis (about 45 kB) per closed document would add over 50 MB that
  // no collection can free: the server would die at its heap limit or its memory would grow.
  assert.ok(client.alive, 'the server ran out of memory');
  const grown = final - baseline;
  assert.ok(grown < 40, `the server grew by ${grown.toFixed(1)} MB over ${CYCLES} cycles`);
});
