/**
 * B2: whole-process wall time of `tradecraft lint` on the batch, against markdownlint-cli2 (default
 * rules) on the same files, alternating the two so that both see the same machine. Each run's output
 * is checked to cover every file, so a fast failure never passes for a fast lint.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { median, round } from './measure.mjs';
import { summarizeProfileFiles } from './profile.mjs';

/**
 * @param {{ projectRoot: string, batchFolder: string, fileCount: number, runs: number }} options
 */
export async function batchWallTime({ projectRoot, batchFolder, fileCount, runs }) {
  const folder = path.relative(projectRoot, batchFolder);
  const commands = {
    tradecraft: {
      args: ['dist/cli.js', 'lint', folder, '--format', 'json'],
      filesLinted: (stdout) => JSON.parse(stdout).summary.files,
    },
    markdownlint: {
      args: ['node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs', '--config', 'bench/peer.markdownlint-cli2.jsonc', `${folder}/*.md`],
      filesLinted: (stdout) => Number(/^Linting: (\d+) file/m.exec(stdout)?.[1]),
    },
  };
  const times = { tradecraft: [], markdownlint: [] };
  const cpuTimes = { tradecraft: [], markdownlint: [] };
  for (let run = 0; run < runs; run++) {
    for (const [name, command] of Object.entries(commands)) {
      const cpuBefore = childrenCpuMs();
      const { ms, stdout, stderr, code } = await runProcess(command.args, projectRoot);
      cpuTimes[name].push(childrenCpuMs() - cpuBefore);
      const linted = safely(() => command.filesLinted(stdout));
      // Both exit 1 on findings; anything else, or fewer files, is a failed run.
      if ((code !== 0 && code !== 1) || linted !== fileCount) {
        throw new Error(`B2: ${name} linted ${linted} of ${fileCount} files (exit ${code}).\n${stderr.slice(0, 2000)}`);
      }
      times[name].push(ms);
    }
  }
  const tradecraftMs = median(times.tradecraft);
  const markdownlintMs = median(times.markdownlint);
  const cpu = { tradecraft: median(cpuTimes.tradecraft), markdownlint: median(cpuTimes.markdownlint) };
  return {
    ratio: round(tradecraftMs / markdownlintMs, 3),
    tradecraftMs: round(tradecraftMs, 0),
    markdownlintMs: round(markdownlintMs, 0),
    // CPU time (all threads) tells what a busy machine hides: how much work each does, whatever the parallelism.
    cpu: Number.isNaN(cpu.tradecraft) ? undefined : { tradecraftMs: cpu.tradecraft, markdownlintMs: cpu.markdownlint, ratio: round(cpu.tradecraft / cpu.markdownlint, 3) },
    files: fileCount,
    runs,
    raw: { tradecraftMs: times.tradecraft.map((ms) => round(ms, 0)), markdownlintMs: times.markdownlint.map((ms) => round(ms, 0)) },
  };
}

/**
 * A CPU profile of one CLI run on the batch, on one thread (`--jobs 1`) so that every file is in it.
 * It runs the compiled modules in out/ rather than the bundle: their source maps always match
 * (a production bundle has none), so every frame is named by its source file.
 */
export async function profileBatch({ projectRoot, batchFolder, profileDir }) {
  rmSync(profileDir, { recursive: true, force: true });
  const args = ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, 'out/server/src/cli/main.js', 'lint', path.relative(projectRoot, batchFolder), '--format', 'json', '--jobs', '1'];
  const { ms, code, stderr } = await runProcess(args, projectRoot);
  if (code !== 0 && code !== 1) throw new Error(`Profiling the CLI failed (exit ${code}).\n${stderr.slice(0, 2000)}`);
  const files = readdirSync(profileDir).map((file) => path.join(profileDir, file));
  return { ...summarizeProfileFiles(files), wallMs: round(ms, 0) };
}

/** Runs `node …args` to completion: wall milliseconds and its output (markdownlint-cli2 reports on stdout and stderr). */
function runProcess(args, cwd) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      resolve({ ms, code, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() });
    });
  });
}

/**
 * CPU time (user + system) of this process's finished children, from /proc (Linux; NaN elsewhere).
 * Worker threads count with their process; only one child runs at a time here.
 */
function childrenCpuMs() {
  try {
    // Fields after the parenthesised command name; cutime and cstime are the 14th and 15th of them, in clock ticks (100 Hz).
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}

function safely(fn) {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
