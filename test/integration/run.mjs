#!/usr/bin/env node
// Runs the VS Code integration suite (test/integration/suite) with @vscode/test-electron.
//
// Which VS Code:
//   VSCODE_EXECUTABLE_PATH=/path/to/code   that executable;
//   otherwise a VS Code already in .vscode-test/ (the newest complete one);
//   otherwise VSCODE_TEST_VERSION=stable|1.91.1|…  downloads that version (needs internet);
//   otherwise the suite is SKIPPED, loudly, and the exit code is 0, unless REQUIRE_INTEGRATION=1
//   (then 1). Without one of the above nothing is downloaded, so an offline machine never hangs.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cachePath = path.join(root, '.vscode-test');
const required = process.env.REQUIRE_INTEGRATION === '1';

function skip(reason) {
  const line = '='.repeat(78);
  console.error(`${line}\nSKIPPED: no VS Code (${reason})\nThe VS Code integration suite did not run. Set VSCODE_EXECUTABLE_PATH, or VSCODE_TEST_VERSION on a machine\nthat can download VS Code, to run it.${required ? '\nREQUIRE_INTEGRATION=1: failing.' : ''}\n${line}`);
  process.exit(required ? 1 : 0);
}

/** The platform segment @vscode/test-electron puts in its cache folder names. */
function platformName() {
  if (process.platform === 'darwin') return process.arch === 'arm64' ? 'darwin-arm64' : 'darwin';
  if (process.platform === 'win32') return process.arch === 'arm64' ? 'win32-arm64-archive' : 'win32-x64-archive';
  return process.arch === 'arm64' ? 'linux-arm64' : process.arch === 'arm' ? 'linux-armhf' : 'linux-x64';
}

/** The newest complete VS Code in .vscode-test/, as a version test-electron resolves without the network. */
async function cachedVersion() {
  if (!existsSync(cachePath)) return undefined;
  const prefix = `vscode-${platformName()}-`;
  const versions = (await readdir(cachePath))
    .filter((name) => name.startsWith(prefix) && existsSync(path.join(cachePath, name, 'is-complete')))
    .map((name) => name.slice(prefix.length))
    .filter((version) => /^\d+\.\d+\.\d+$/.test(version))
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  return versions[0];
}

async function vscodeToUse() {
  const executable = process.env.VSCODE_EXECUTABLE_PATH;
  if (executable) {
    if (!existsSync(executable)) {
      console.error(`VSCODE_EXECUTABLE_PATH=${executable} does not exist.`);
      process.exit(1);
    }
    return { vscodeExecutablePath: executable };
  }
  const cached = await cachedVersion();
  if (cached) return { version: cached, cachePath };
  if (process.env.VSCODE_TEST_VERSION) return { version: process.env.VSCODE_TEST_VERSION, cachePath };
  skip(`no VSCODE_EXECUTABLE_PATH, no VS Code in ${path.relative(process.cwd(), cachePath) || cachePath}, and no VSCODE_TEST_VERSION to download`);
}

async function bundleSuite() {
  // The extension host loads test runners with require(): bundle the suite (and mocha) as CommonJS.
  const esbuild = await import('esbuild');
  const outfile = path.join(root, 'out', 'test', 'integration', 'suite.cjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'test', 'integration', 'suite', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    mainFields: ['module', 'main'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}

const vscode = await vscodeToUse();
for (const bundle of ['dist/extension.cjs', 'dist/server.js']) {
  if (!existsSync(path.join(root, bundle))) {
    console.error(`${bundle} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}
const extensionTestsPath = await bundleSuite();

// The tests edit files: they run on a copy of the example workspace.
const scratch = await mkdtemp(path.join(os.tmpdir(), 'tradecraft-integration-'));
const workspace = path.join(scratch, 'workspace');
await cp(path.join(root, 'test', 'integration', 'workspace'), workspace, { recursive: true });

const { runTests } = await import('@vscode/test-electron');
let failed = false;
try {
  await runTests({
    ...vscode,
    extensionDevelopmentPath: root,
    extensionTestsPath,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${path.join(scratch, 'user-data')}`,
    ],
  });
} catch (error) {
  console.error(`Integration tests failed: ${error instanceof Error ? error.message : String(error)}`);
  failed = true;
} finally {
  await rm(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
