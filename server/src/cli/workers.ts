/**
 * Linting many files on several threads: the command's own thread and worker threads. Workers run
 * the same bundle as the command (the entry checks `isMainThread`), take one file at a time, and
 * send back plain reports; the caller gets them in file order whatever order they finish in, so the
 * output equals a one-thread run.
 */
import { parentPort, Worker } from 'node:worker_threads';
import { FileLinter, type LintFileOptions } from './lintFile.js';
import type { FileReport } from './report.js';
import type { FileTask } from './selectFiles.js';

/**
 * Below this many files per thread, starting a worker costs more than it saves: a worker loads
 * the whole bundle and warms up on its own (a quarter to half a second of CPU).
 */
const FILES_PER_THREAD = 16;

const WORKER_ROLE = 'tradecraft-lint-worker';

export interface LintWorkerData {
  role: typeof WORKER_ROLE;
  options: LintFileOptions;
}

interface TaskMessage {
  index: number;
  task: FileTask;
}

interface ReportMessage {
  index: number;
  report: FileReport;
}

export function isLintWorkerData(data: unknown): data is LintWorkerData {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === WORKER_ROLE;
}

/** The worker side: lint each file it is sent until the pool closes the port. */
export function runLintWorker(data: LintWorkerData): void {
  const port = parentPort;
  if (!port) throw new Error('runLintWorker must run on a worker thread');
  const linter = new FileLinter(data.options);
  port.on('message', ({ index, task }: TaskMessage) => {
    port.postMessage({ index, report: linter.lint(task) } satisfies ReportMessage);
  });
}

/**
 * Worker threads to start besides the command's own thread, which lints too: every thread loads
 * the bundle and warms up on its own, so `jobs` threads means `jobs - 1` workers.
 */
export function workerCountFor(fileCount: number, jobs: number): number {
  return Math.max(0, Math.min(jobs, Math.floor(fileCount / FILES_PER_THREAD)) - 1);
}

/**
 * Lints every task, calling `onReport` in task order as soon as each report and all before it are
 * ready (so text output streams).
 * @param workerEntry the module URL workers start from (the CLI entry itself)
 */
export async function lintFiles(
  tasks: readonly FileTask[],
  options: LintFileOptions,
  jobs: number,
  workerEntry: URL,
  onReport: (report: FileReport, index: number) => void,
): Promise<FileReport[]> {
  const inOrder = new OrderedDelivery(onReport);
  const linter = new FileLinter(options);
  const workers = workerCountFor(tasks.length, jobs);
  if (workers === 0) {
    tasks.forEach((task, index) => inOrder.deliver(index, linter.lint(task)));
    return inOrder.all();
  }
  await runPool(tasks, { role: WORKER_ROLE, options }, workers, workerEntry, linter, (message) => inOrder.deliver(message.index, message.report));
  return inOrder.all();
}

function runPool(
  tasks: readonly FileTask[],
  workerData: LintWorkerData,
  size: number,
  entry: URL,
  linter: FileLinter,
  onMessage: (message: ReportMessage) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let done = 0;
    const pool: Worker[] = [];
    let settled = false;
    const stopAll = () => {
      settled = true;
      for (const worker of pool) void worker.terminate();
    };
    const fail = (error: Error) => {
      if (settled) return;
      stopAll();
      reject(error);
    };
    const finish = (message: ReportMessage) => {
      onMessage(message);
      done++;
      if (done === tasks.length) {
        stopAll();
        resolve();
      }
    };
    const feed = (worker: Worker) => {
      if (next < tasks.length) {
        const index = next++;
        worker.postMessage({ index, task: tasks[index]! } satisfies TaskMessage);
      }
    };
    // This thread takes a file whenever it is free, between handing files to the workers.
    const lintHere = () => {
      if (settled || next >= tasks.length) return;
      const index = next++;
      finish({ index, report: linter.lint(tasks[index]!) });
      setImmediate(lintHere);
    };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(entry, { workerData });
      pool.push(worker);
      worker.on('message', (message: ReportMessage) => {
        if (settled) return;
        finish(message);
        if (!settled) feed(worker);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`A lint worker stopped unexpectedly (exit code ${code}).`)));
      feed(worker);
    }
    setImmediate(lintHere);
  });
}

/** Hands reports on in index order, holding back those that arrive early. */
class OrderedDelivery {
  private readonly reports: FileReport[] = [];
  private nextToDeliver = 0;

  constructor(private readonly onReport: (report: FileReport, index: number) => void) {}

  deliver(index: number, report: FileReport): void {
    this.reports[index] = report;
    while (this.reports[this.nextToDeliver] !== undefined) {
      this.onReport(this.reports[this.nextToDeliver]!, this.nextToDeliver);
      this.nextToDeliver++;
    }
  }

  all(): FileReport[] {
    return this.reports;
  }
}
