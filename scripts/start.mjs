#!/usr/bin/env node
// `npm start`: try Tradecraft in a real VS Code without installing VS Code. Builds and packages the
// extension, installs it into a cached code-server (the first run installs code-server itself) and
// serves a workbench on 127.0.0.1 with a copy of examples/ open. Ctrl+C stops everything.
//
//   npm start                      the examples, in the browser workbench
//   npm start -- path/to/folder    that folder instead (used in place, not copied)
//   npm start -- --desktop         install the extension into the desktop VS Code (`code`) and open examples/
//   npm start -- --vsix X.vsix     use an already packaged extension instead of building one
//   PORT=8080 npm start            a fixed port instead of a free one
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  createProfile,
  ensureCodeServer,
  killLiveGroups,
  packageExtension,
  progress,
  projectRoot,
  startCodeServer,
} from './workbench.mjs';

/** The example a newcomer sees first: one of each typical mistake, so every kind of finding shows. */
const FIRST_EXAMPLE = 'typical-mistakes.assessment.md';
const examples = path.join(projectRoot, 'examples');

const { values: options, positionals } = parseArgs({
  options: { desktop: { type: 'boolean', default: false }, vsix: { type: 'string' } },
  allowPositionals: true,
});

const temporary = [];
const removeTemporary = () => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));

/** The running workbench, once there is one. */
let server;
let stopping = false;

/** Ctrl+C (or SIGTERM): stop the workbench and remove the temp folders, at any stage. */
async function shutDown(exitCode) {
  if (stopping) {
    // A second Ctrl+C: do not wait for a graceful shutdown.
    killLiveGroups();
    process.exit(130);
  }
  stopping = true;
  if (server) {
    progress('Stopping…');
    await server.stop();
  }
  // Ctrl+C while the workbench is still starting: its process group is not known as `server` yet.
  killLiveGroups();
  await removeTemporary();
  process.exit(exitCode);
}
// Once the workbench runs, Ctrl+C is the way to stop it, so that exit is a clean one.
process.on('SIGINT', () => void shutDown(server ? 0 : 130));
process.on('SIGTERM', () => void shutDown(server ? 0 : 143));
// Belt and braces: if this process ends some other way, the workbench does not outlive it.
process.on('exit', killLiveGroups);

async function packaged() {
  if (options.vsix) return path.resolve(options.vsix);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tradecraft-vsix-'));
  temporary.push(dir);
  return packageExtension(dir);
}

/** Runs VS Code's `code` command (a `.cmd` script on Windows, which only a shell runs). */
function runCode(args, options = {}) {
  return spawnSync('code', args, { ...options, shell: process.platform === 'win32' });
}

async function startDesktop() {
  const code = runCode(['--version'], { encoding: 'utf8' });
  if (code.error || code.status !== 0) {
    console.error(
      "`npm start -- --desktop` needs VS Code's `code` command on PATH, and it is not there.\n" +
        "Install VS Code and, in it, run \"Shell Command: Install 'code' command in PATH\" from the\n" +
        'Command Palette (macOS; on Linux and Windows the installer adds it). Or run `npm start`\n' +
        'without --desktop to try Tradecraft in a browser workbench.',
    );
    process.exitCode = 1;
    return;
  }
  const vsix = await packaged();
  progress(`Installing ${path.basename(vsix)} into VS Code ${code.stdout.split('\n')[0]}…`);
  const install = runCode(['--install-extension', vsix, '--force'], { stdio: 'inherit' });
  if (install.status !== 0) throw new Error('code --install-extension failed');
  runCode([examples, '--goto', `${path.join(examples, FIRST_EXAMPLE)}:1`], { stdio: 'inherit' });
  console.log(`Opened ${path.relative(process.cwd(), examples) || examples} in VS Code with Tradecraft installed.`);
  await removeTemporary();
}

async function startBrowserWorkbench() {
  const ownFolder = positionals[0] ? path.resolve(positionals[0]) : undefined;
  if (ownFolder && !existsSync(ownFolder)) throw new Error(`No such folder: ${ownFolder}`);
  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new Error(`PORT=${process.env.PORT} is not a port number`);

  const codeServer = await ensureCodeServer();
  const vsix = await packaged();
  const work = await mkdtemp(path.join(os.tmpdir(), 'tradecraft-start-'));
  temporary.push(work);
  // A copy, so trying the quick fixes never changes the project's own examples.
  const folder = ownFolder ?? path.join(work, 'examples');
  if (!ownFolder) await cp(examples, folder, { recursive: true });

  const profile = await createProfile(codeServer, vsix);
  temporary.push(profile.dir);
  progress('Starting the workbench (10–60 s)…');
  const logFile = path.join(work, 'code-server.log');
  server = await startCodeServer(codeServer, profile, folder, { port, logFile });
  server.child.once('exit', (code, signal) => {
    if (stopping) return;
    const log = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-20).join('\n');
    console.error(`The workbench stopped unexpectedly (${signal ?? `exit code ${code}`}). The end of its log:\n${log}`);
    void shutDown(1);
  });

  const first = ownFolder ? undefined : path.join(folder, FIRST_EXAMPLE);
  console.log(
    [
      '',
      'Tradecraft is running in VS Code. Open this address in your browser:',
      '',
      `  ${server.workbenchUrl(first)}`,
      '',
      ownFolder ? `The workspace is ${ownFolder}.` : `The workspace is a copy of examples/ in ${folder}; it is removed when you stop.`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}

try {
  if (options.desktop) await startDesktop();
  else await startBrowserWorkbench();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await server?.stop();
  await removeTemporary();
  process.exitCode = 1;
}
