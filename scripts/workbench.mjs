// A real VS Code workbench for Tradecraft: code-server (VS Code's own workbench and Node extension
// host, served to a browser), installed from npm into a cache outside the clone. `npm start` and the
// e2e suite (test/e2e) share it: install once, package the extension, start a throwaway instance.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
/** code-server's engines field asks for this major; the project itself stays on the machine's Node. */
const NODE_MAJOR = 24;
/** What npm needs to build code-server's native modules (Debian names). */
const BUILD_PACKAGES = ['libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev'];
/** code-server listens within seconds; on a loaded machine, give it a minute. */
const LISTEN_TIMEOUT = 60_000;

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** Progress lines go to stderr, so stdout stays free for what a caller asked for (the URL). */
export function progress(message) {
  process.stderr.write(`[workbench] ${message}\n`);
}

export function cacheRoot() {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'tradecraft-e2e', `code-server-${CODE_SERVER_VERSION}`);
}

// ---------------------------------------------------------------------------------------------
// Debian packages

function missingDebianPackages(names) {
  const dpkg = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\n', ...names], { encoding: 'utf8' });
  if (dpkg.error) throw new Error(`Cannot check for ${names.join(', ')}: dpkg-query is not available (not a Debian-like system?). Install them with your package manager.`);
  const installed = new Set(
    dpkg.stdout.split('\n').filter((line) => line.endsWith(' installed')).map((line) => line.split(' ')[0].replace(/:.*$/, '')),
  );
  return names.filter((name) => !installed.has(name));
}

/** Installs the missing packages with apt-get when running as root; otherwise says exactly what to run. */
export async function ensureDebianPackages(names, why) {
  const missing = missingDebianPackages(names);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`${why} needs Debian packages that are not installed: ${missing.join(', ')}.\nInstall them, then run this again:\n  sudo sh -c '${command}'`);
  }
  progress(`Installing ${missing.join(', ')} with apt-get (${why}; about a minute)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt-get (unattended upgrades, a parallel job) may hold the lock: wait for it.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  await run('apt-get', [...lock, 'update', '-qq'], { env });
  await run('apt-get', [...lock, 'install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

// ---------------------------------------------------------------------------------------------
// Processes

/** Runs a command to completion, its output inherited (or appended to `logFile`); rejects on failure. */
export function run(command, args, { cwd = projectRoot, env = process.env, logFile } = {}) {
  return new Promise((resolve, reject) => {
    const log = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
    const child = spawn(command, args, { cwd, env, stdio: log ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      log?.end();
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})${logFile ? `; see ${logFile}` : ''}`));
    });
  });
}

/** Prints a line every 30 s while a long step runs, so a quiet install does not look hung. */
async function withHeartbeat(what, promise) {
  const started = Date.now();
  const timer = setInterval(() => {
    const seconds = Math.round((Date.now() - started) / 1000);
    progress(`  … still ${what} (${Math.floor(seconds / 60)} min ${seconds % 60} s so far)`);
  }, 30_000);
  try {
    return await promise;
  } finally {
    clearInterval(timer);
  }
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Process groups started here and not yet stopped. A group of its own does not get the terminal's
 * Ctrl+C, so whatever way this process ends, these groups end with it (see `stopGroupsOnExit`).
 */
const liveGroups = new Set();

/** Starts a process in its own process group, so `stopGroup` ends it and everything it spawned. */
export function spawnGroup(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid) liveGroups.add(child.pid);
  return child;
}

/** SIGKILL to every group still running; synchronous, so it may run in an `exit` handler. */
export function killLiveGroups() {
  for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  liveGroups.clear();
}

/**
 * Makes sure no group outlives this process: on exit, and on Ctrl+C or SIGTERM (which would
 * otherwise end the process without an `exit` event).
 */
export function stopGroupsOnExit() {
  process.once('exit', killLiveGroups);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
    process.once(signal, () => {
      killLiveGroups();
      process.exit(code);
    });
  }
}

/** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves once the group leader has exited. */
export async function stopGroup(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child.pid, 'SIGKILL'); // stragglers of a leader that already exited
    liveGroups.delete(child.pid);
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  killGroup(child.pid, 'SIGKILL');
  liveGroups.delete(child.pid);
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** True while any process of the group is alive. */
export function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// code-server

/**
 * Installs Node 24 and code-server into the cache (first run: 5–10 minutes, ~700 MB), or reuses it.
 * Returns the Node binary that runs code-server and code-server's entry script.
 */
export async function ensureCodeServer() {
  const root = cacheRoot();
  const nodePrefix = path.join(root, 'node');
  const serverPrefix = path.join(root, 'code-server');
  const node = path.join(nodePrefix, 'node_modules', 'node', 'bin', 'node');
  const entry = path.join(serverPrefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = path.join(root, 'installed');
  if (existsSync(marker) && existsSync(node) && existsSync(entry)) {
    progress(`Using code-server ${CODE_SERVER_VERSION} from ${root}`);
    return { node, entry, root };
  }

  progress(`Installing code-server ${CODE_SERVER_VERSION} into ${root} (first run only: about 5–10 minutes, ~700 MB).`);
  await ensureDebianPackages(BUILD_PACKAGES, 'Building code-server');
  // A half-finished install (interrupted, failed) is started over, not patched.
  await rm(root, { recursive: true, force: true });
  await mkdir(nodePrefix, { recursive: true });
  await mkdir(serverPrefix, { recursive: true });
  const logFile = path.join(root, 'install.log');
  const npmArgs = ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=warn'];
  // Under `npm run`, the outer npm's settings arrive as npm_* variables, and a nested npm would take
  // them as its own: its user agent (which code-server's install script reads the Node version
  // from) would still name the machine's Node.
  const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

  progress(`Step 1/2: Node ${NODE_MAJOR} for code-server (npm install node@${NODE_MAJOR}, ~1 minute)…`);
  try {
    await withHeartbeat(`installing Node ${NODE_MAJOR}`, run('npm', [...npmArgs, '--prefix', nodePrefix, `node@${NODE_MAJOR}`], { env: cleanEnv, logFile }));
  } catch (error) {
    throw new Error(`${error.message}\n${tail(logFile)}`);
  }
  const headers = path.join(nodePrefix, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
  if (!existsSync(node) || !existsSync(path.join(headers, 'include', 'node'))) {
    throw new Error(`npm install node@${NODE_MAJOR} did not leave ${node} and its headers in ${headers}; see ${logFile}`);
  }

  progress(`Step 2/2: code-server ${CODE_SERVER_VERSION} (npm install, builds native modules, 4–9 minutes)…`);
  // Node 24 first on PATH runs npm and code-server's install scripts; nodedir makes native modules
  // build against its headers rather than the machine's Node.
  const env = {
    ...cleanEnv,
    PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: headers,
  };
  try {
    await withHeartbeat('installing code-server', run('npm', [...npmArgs, '--prefix', serverPrefix, `code-server@${CODE_SERVER_VERSION}`], { env, logFile }));
  } catch (error) {
    throw new Error(`${error.message}\n${tail(logFile)}`);
  }
  if (!existsSync(entry)) throw new Error(`code-server's entry script is missing after install: ${entry}; see ${logFile}`);
  await writeFile(marker, `${new Date().toISOString()}\n`);
  progress('code-server installed.');
  return { node, entry, root };
}

/** Packages the extension (`npm run package`) into `outDir` and returns the .vsix path. */
export async function packageExtension(outDir) {
  const { version, name } = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8'));
  const vsix = path.join(outDir, `${name}-${version}.vsix`);
  progress('Building and packaging the extension (npm run package, about a minute)…');
  const logFile = path.join(outDir, 'package.log');
  try {
    await run('npm', ['run', 'package', '--', '--out', vsix], { logFile });
  } catch (error) {
    throw new Error(`${error.message}\n${tail(logFile)}`);
  }
  return vsix;
}

/**
 * User settings that get the workbench out of the way: no trust prompt (Restricted Mode would keep
 * the extension from activating), no welcome page or walkthrough, no AI/chat panels, no telemetry.
 */
export const WORKBENCH_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * A throwaway code-server profile: user data (settings, logs) and extensions dir in a fresh temp
 * folder, with the .vsix installed the way a user installs one.
 */
export async function createProfile(codeServer, vsix, { settings = {} } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tradecraft-workbench-'));
  const userData = path.join(dir, 'user-data');
  const extensions = path.join(dir, 'extensions');
  // code-server writes a default config (with a generated password) where --config points: keep it
  // in the throwaway profile, not in the user's ~/.config.
  const config = path.join(dir, 'config.yaml');
  await mkdir(path.join(userData, 'User'), { recursive: true });
  await writeFile(path.join(userData, 'User', 'settings.json'), `${JSON.stringify({ ...WORKBENCH_SETTINGS, ...settings }, null, 2)}\n`);
  progress(`Installing ${path.basename(vsix)} into the workbench…`);
  const logFile = path.join(dir, 'install-extension.log');
  try {
    await run(codeServer.node, [codeServer.entry, '--config', config, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix], { logFile });
  } catch (error) {
    throw new Error(`${error.message}\n${tail(logFile)}`);
  }
  return { dir, config, userData, extensions };
}

/**
 * Starts code-server on 127.0.0.1 without auth and resolves once it listens. `stop()` ends its whole
 * process group (the server, its extension hosts and the language servers they started).
 */
export async function startCodeServer(codeServer, profile, folder, { port, logFile } = {}) {
  port ??= await freePort();
  const args = [
    codeServer.entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--config', profile.config,
    '--user-data-dir', profile.userData,
    '--extensions-dir', profile.extensions,
    folder,
  ];
  const child = spawnGroup(codeServer.node, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(logFile ?? path.join(profile.dir, 'code-server.log'));
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const url = `http://127.0.0.1:${port}`;

  // code-server prints "HTTP server listening on …" once the port accepts connections.
  try {
    await new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`code-server did not start listening within ${LISTEN_TIMEOUT / 1000} s:\n${output}`)), LISTEN_TIMEOUT);
      const onData = (chunk) => {
        output += chunk;
        if (/HTTP server listening on/.test(output)) {
          clearTimeout(timer);
          child.stdout.off('data', onData);
          child.off('exit', onExit);
          resolve();
        }
      };
      const onExit = (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`code-server exited before listening (${signal ?? `exit code ${code}`}):\n${output}`));
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (chunk) => (output += chunk));
      child.once('exit', onExit);
    });
  } catch (error) {
    await stopGroup(child);
    log.end();
    throw error;
  }

  return {
    url,
    port,
    child,
    /** The workbench URL for `folder`, optionally opening `file` (an absolute path) as it loads. */
    workbenchUrl(file) {
      const query = new URLSearchParams({ folder });
      // The web workbench opens the `openFile` entry of its `payload` parameter.
      if (file) query.set('payload', JSON.stringify([['openFile', `vscode-remote://127.0.0.1:${port}${file}`]]));
      return `${url}/?${query}`;
    },
    async stop() {
      await stopGroup(child);
      log.end();
    },
  };
}

/** The extension host's log (it says when an extension activated and what it printed). */
export function extensionHostLogs(profile) {
  const logs = path.join(profile.userData, 'logs');
  if (!existsSync(logs)) return [];
  const found = [];
  for (const session of readdirSync(logs)) {
    const file = path.join(logs, session, 'exthost1', 'remoteexthost.log');
    if (existsSync(file)) found.push(file);
  }
  return found;
}
