/**
 * Startup: how long the bundles take to be ready, against a bare `node -e 0` in the same run.
 * `tradecraft --version` (the CLI's whole process) and the language server from spawn to its
 * `initialize` answer.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { BenchClient } from './lspClient.mjs';
import { median, round, timeOnce } from './measure.mjs';

export async function startupTimes({ projectRoot, quick }) {
  const runs = quick ? 5 : 15;
  const cli = path.join(projectRoot, 'dist/cli.js');
  const serverPath = path.join(projectRoot, 'dist/server.js');
  const bare = [];
  const version = [];
  const initialize = [];
  for (let run = 0; run < runs; run++) {
    bare.push(timeOnce(() => mustRun(process.execPath, ['-e', '0'])));
    version.push(timeOnce(() => mustRun(process.execPath, [cli, '--version'])));
    const start = performance.now();
    const client = await BenchClient.start({ serverPath, settings: {} });
    initialize.push(performance.now() - start);
    await client.stop();
  }
  const nodeMs = median(bare);
  return {
    runs,
    nodeMs: round(nodeMs, 1),
    versionMs: round(median(version), 1),
    initializeMs: round(median(initialize), 1),
    // What the bundle adds to a bare Node start.
    versionOverheadMs: round(median(version) - nodeMs, 1),
    initializeOverheadMs: round(median(initialize) - nodeMs, 1),
  };
}

function mustRun(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`${path.basename(args[0] ?? command)} exited with ${result.status}: ${result.stderr}`);
}
