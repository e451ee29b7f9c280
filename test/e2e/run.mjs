#!/usr/bin/env node
// `npm run test:e2e`: Tradecraft in a real VS Code workbench. Installs (or reuses) the cached
// code-server and Debian's Chromium, packages the extension once, then runs test/e2e/*.test.mjs
// one file at a time. Arguments name test files to run instead of all of them.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer, ensureDebianPackages, packageExtension, progress } from '../../scripts/workbench.mjs';
import { chromiumPath, corpusDocument } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** What the suite needs besides the project: the corpus document, code-server and Chromium. */
async function prepare() {
  if (!existsSync(corpusDocument)) throw new Error(`The corpus document is missing: ${corpusDocument}`);
  await ensureCodeServer();
  if (process.env.CHROMIUM_PATH) {
    if (!existsSync(chromiumPath)) throw new Error(`CHROMIUM_PATH=${chromiumPath} does not exist`);
  } else {
    // The corpus document has emoji; without a font for them the screenshots show empty boxes.
    await ensureDebianPackages(['chromium', 'fonts-noto-color-emoji'], 'The e2e suite (headless Chromium, and an emoji font for its screenshots)');
  }
}

function runTests(files, vsix) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files], {
      stdio: 'inherit',
      env: { ...process.env, TRADECRAFT_E2E_VSIX: vsix },
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const scratch = await mkdtemp(path.join(os.tmpdir(), 'tradecraft-e2e-vsix-'));
let exitCode = 1;
try {
  await prepare();
  const vsix = await packageExtension(scratch);
  const files = process.argv.slice(2).length > 0
    ? process.argv.slice(2).map((file) => path.resolve(file))
    : (await readdir(here)).filter((name) => name.endsWith('.test.mjs')).sort().map((name) => path.join(here, name));
  progress(`Running ${files.map((file) => path.relative(process.cwd(), file)).join(', ')}`);
  exitCode = await runTests(files, vsix);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  await rm(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
