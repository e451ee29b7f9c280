/**
 * The `tradecraft` command. The same bundle is the entry of its lint workers: on a worker thread
 * started by the lint pool it lints files instead of reading the command line.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { ignoreClosedStdout } from './output.js';
import { runCli } from './runCli.js';
import { isLintWorkerData, runLintWorker } from './workers.js';

if (!isMainThread && isLintWorkerData(workerData)) {
  runLintWorker(workerData);
} else {
  ignoreClosedStdout();
  process.exitCode = await runCli(process.argv.slice(2), { cwd: process.cwd(), workerEntry: new URL(import.meta.url) });
}
