/**
 * `npm run bench` — the benchmarks of docs/PERFORMANCE.md (B1–B5), each a ratio measured in this
 * run against its comparison, so that figures from a shared, noisy machine still mean something.
 *
 *   npm run bench                  full run
 *   npm run bench -- --quick       fewer repetitions, no remark-parse at 4 MB (about 75 s on a quiet two-CPU machine)
 *   npm run bench -- --profile     also CPU profiles of the core (bench/inputs/profiles/) and its hot spots
 *   npm run bench -- --only B1,B3  some benchmarks only (also HOSTILE: growth on hostile shapes; STARTUP; TYPING: memory while typing)
 *   npm run bench -- --build       rebuild first (otherwise only when dist/ or out/ is missing)
 *
 * Prints the table and writes bench/results.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { batchWallTime, profileBatch } from './batch.mjs';
import { BATCH_SIZE, writeInputs } from './inputs.mjs';
import { formatProfiles, markdownTable, tableRows } from './report.mjs';
import { keystrokesThroughServer, typingMemory, workspaceMemory } from './server.mjs';
import { startupTimes } from './startup.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = path.resolve(BENCH, '..');
const INPUTS = path.join(BENCH, 'inputs');
const PROFILES = path.join(INPUTS, 'profiles');
const CORPUS_FILE = path.resolve(PROJECT_ROOT, '../shared/corpus/us-01-oman-talks.md');
const SERVER = path.join(PROJECT_ROOT, 'dist/server.js');
const BUILD_OUTPUTS = ['dist/cli.js', 'dist/server.js', 'out/server/src/core/index.js'];
const ALL = ['B1', 'B2', 'B3', 'B4', 'B5', 'TYPING', 'HOSTILE', 'STARTUP'];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const profile = args.includes('--profile');
const onlyIndex = args.indexOf('--only');
const selected = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? '').toUpperCase().split(',') : ALL;
const wants = (id) => selected.includes(id);

ensureBuild(args.includes('--build'));
const machine = describeMachine();
log(`Tradecraft bench (${quick ? 'quick' : 'full'}) on ${machine.cpus}× ${machine.cpuModel}, ${machine.memoryGB} GB, Node ${machine.node}; load ${machine.loadAverage.join(' ')}`);
log('Generating inputs…');
const inputs = writeInputs(INPUTS);
const files = { ...inputs.large, corpus: CORPUS_FILE };
const results = { mode: quick ? 'quick' : 'full', date: new Date().toISOString(), machine };

if (wants('B1') || profile) {
  const inProcess = await step('B1', 'in-process lint at 0.1, 1 and 4 MB', () => runInProcess({ singleFile: wants('B1'), profile }));
  if (wants('B1')) results.B1 = inProcess.singleFile ?? inProcess;
  if (inProcess.profiles) results.profiles = inProcess.profiles;
}

if (wants('STARTUP')) {
  results.startup = await step('Startup', 'tradecraft --version and server initialize, against bare node', () => startupTimes({ projectRoot: PROJECT_ROOT, quick }));
}

if (wants('HOSTILE')) {
  const hostile = await step('Hostile', 'growth on shapes that make parsers superlinear', () => runInProcess({ hostile: true }));
  results.hostile = hostile.hostile ?? hostile;
}

if (wants('B2')) {
  results.B2 = await step('B2', `CLI and markdownlint-cli2 on ${BATCH_SIZE} files`, () =>
    batchWallTime({ projectRoot: PROJECT_ROOT, batchFolder: inputs.batchFolder, fileCount: BATCH_SIZE, runs: quick ? 1 : 3 }),
  );
}

if (wants('B3') || wants('B4')) {
  const server = await step('B3/B4', 'keystrokes through the language server', () =>
    keystrokesThroughServer({ serverPath: SERVER, largeFile: inputs.large['1mb'], corpusFile: CORPUS_FILE, quick }),
  );
  // In process: a cross-check in full runs, and the figure itself when the server path fails.
  const inProcess = server.error || !quick ? (await step('B3/B4', 'keystrokes in process', () => runInProcess({ keystrokes: true }))).keystroke : undefined;
  const pick = (fromServer, fromInProcess) => {
    if (!server.error) return { method: 'server over stdio', ...fromServer, inProcess: fromInProcess };
    if (!fromInProcess) return server;
    return { method: 'in process', ...fromInProcess, serverError: server.error };
  };
  if (wants('B3')) {
    results.B3 = pick(server.large, inProcess && { ...inProcess.large, fullValidationMs: inProcess.large.fullMs });
  }
  if (wants('B4')) results.B4 = pick(server.corpus, inProcess?.corpus);
}

if (wants('TYPING')) {
  results.typing = await step('Typing', 'memory while typing into the 1 MB document', () => typingMemory({ serverPath: SERVER, largeFile: inputs.large['1mb'], quick }));
}

if (wants('B5')) {
  results.B5 = await step('B5', `server indexing ${BATCH_SIZE} files`, () =>
    workspaceMemory({ serverPath: SERVER, batchFolder: inputs.batchFolder, fileCount: BATCH_SIZE, timeoutMs: 15 * 60_000 }),
  );
}

if (profile) {
  const cli = await step('Profile', 'the CLI on the batch, one thread', () =>
    profileBatch({ projectRoot: PROJECT_ROOT, batchFolder: inputs.batchFolder, profileDir: path.join(PROFILES, 'cli') }),
  );
  results.profiles = { ...results.profiles, cliBatch: cli };
}

results.machine.loadAverageAtEnd = os.loadavg().map((load) => Number(load.toFixed(2)));
// Others may rebuild dist/ or out/ while the bench runs: then the figures mix two builds.
const buildsAtEnd = describeMachine().builds;
if (JSON.stringify(buildsAtEnd) !== JSON.stringify(machine.builds)) {
  results.machine.buildsAtEnd = buildsAtEnd;
  log('Warning: dist/ or out/ was rebuilt during the run; the figures may mix two builds.');
}
writeFileSync(path.join(BENCH, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`\n${markdownTable(tableRows(results))}\n\n`);
if (results.profiles) process.stdout.write(`${formatProfiles(results.profiles)}\n\n`);
process.stdout.write(
  `Mode: ${results.mode}. Load average ${machine.loadAverage.join(' ')} at the start, ${results.machine.loadAverageAtEnd.join(' ')} at the end. Results: bench/results.json\n`,
);
process.exitCode = ALL.some((id) => results[id]?.error) || results.hostile?.error || results.startup?.error || results.typing?.error ? 1 : 0;

/** Runs a benchmark, logging its progress; a failure is recorded in the results, not thrown. */
async function step(id, what, measure) {
  log(`${id}: ${what}…`);
  const start = performance.now();
  try {
    const value = await measure();
    log(`${id}: done in ${((performance.now() - start) / 1000).toFixed(0)} s`);
    return value;
  } catch (error) {
    log(`${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { error: error instanceof Error ? error.message : String(error), what };
  }
}

/** bench/inProcess.mjs in a fresh process: its own heap, `--expose-gc`, room for a 4 MB syntax tree. */
function runInProcess({ singleFile = false, keystrokes = false, hostile = false, profile = false }) {
  const options = { quick, singleFile, keystrokes, hostile, files };
  if (profile) {
    options.profileDir = PROFILES;
    mkdirSync(PROFILES, { recursive: true });
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=8192', path.join(BENCH, 'inProcess.mjs'), JSON.stringify(options)], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const stdout = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(Buffer.concat(stdout).toString()));
      else reject(new Error(`bench/inProcess.mjs exited with code ${code}`));
    });
  });
}

/** Builds when an output is missing (or when asked): the bench measures dist/ and out/ as they are. */
function ensureBuild(force) {
  const missing = BUILD_OUTPUTS.filter((file) => !existsSync(path.join(PROJECT_ROOT, file)));
  if (!force && missing.length === 0) return;
  log(force ? 'Building…' : `Building (missing: ${missing.join(', ')})…`);
  const build = spawnSync('npm', ['run', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    log('The build failed; nothing measured.');
    process.exit(2);
  }
}

function describeMachine() {
  const builtAt = (file) => {
    const absolute = path.join(PROJECT_ROOT, file);
    const mtime = statSync(absolute).mtime.toISOString();
    // `npm run package` leaves minified bundles without source maps in dist/: say which build was measured.
    return file.startsWith('dist/') && !readFileSync(absolute, 'utf8').includes('//# sourceMappingURL=') ? `${mtime} (production build)` : mtime;
  };
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.versions.node,
    platform: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
    builds: Object.fromEntries(BUILD_OUTPUTS.map((file) => [file, builtAt(file)])),
  };
}

function log(message) {
  process.stderr.write(`${message}\n`);
}
