// One throwaway workbench for a test file: a workspace (copies of examples/ and the corpus
// document), a code-server profile with the packaged extension, code-server itself, and headless
// Chromium on it. `close()` undoes all of it; `recordFailure()` keeps what explains a failure.
import { cp, copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import {
  createProfile,
  ensureCodeServer,
  extensionHostLogs,
  packageExtension,
  progress,
  projectRoot,
  startCodeServer,
  stopGroupsOnExit,
} from '../../scripts/workbench.mjs';
import { UI_TIMEOUT } from './ui.mjs';

// A test process stopped by Ctrl+C or SIGTERM takes its workbench down with it.
stopGroupsOnExit();

/** The corpus lives beside the project, never inside it (tests copy it at run time). */
export const corpusDocument = path.resolve(projectRoot, '..', 'shared', 'corpus', 'us-01-oman-talks.md');
/** Renamed so the workbench treats it as an assessment. */
export const CORPUS_NAME = 'us-01-oman-talks.assessment.md';
export const resultsDir = path.join(projectRoot, 'test-results');
export const imagesDir = path.join(projectRoot, 'docs', 'images');
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags the recipe found necessary for Debian's Chromium in containers and CI. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** Big enough that the Problems panel and the Explorer's views show every row the tests read. */
export const VIEWPORT = { width: 1440, height: 1000 };

/** The .vsix `run.mjs` packaged for the whole run, or a fresh one when a test file runs alone. */
async function extensionPackage(scratch) {
  if (process.env.TRADECRAFT_E2E_VSIX) return process.env.TRADECRAFT_E2E_VSIX;
  return packageExtension(scratch);
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
}

/** A page of the test's size in which every wait without its own timeout gets UI_TIMEOUT. */
export async function newPage(browser) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.setDefaultTimeout(UI_TIMEOUT);
  return page;
}

/**
 * Starts a workbench on a fresh workspace (examples/, the corpus document and `files`, name → text).
 * `settings` are added to the throwaway user settings; `open` names a workspace file the workbench
 * opens as it loads. The page is at the workbench with the folder open and the Explorer shown.
 */
export async function openWorkbench({ settings = {}, open, files = {} } = {}) {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'tradecraft-e2e-'));
  const cleanup = [() => rm(scratch, { recursive: true, force: true })];
  const close = async () => {
    for (const step of cleanup.reverse()) await step().catch((error) => progress(`cleanup: ${error.message}`));
  };
  let profile;
  let page;
  /** Keeps a screenshot and the logs of a failure under test-results/<name>/. */
  const recordFailure = async (name) => {
    const dir = path.join(resultsDir, name.replace(/[^\w.-]+/g, '-'));
    await mkdir(dir, { recursive: true });
    await page?.screenshot({ path: path.join(dir, 'screenshot.png') }).catch(() => {});
    if (!profile) return;
    for (const [index, log] of extensionHostLogs(profile).entries()) {
      await copyFile(log, path.join(dir, `remoteexthost${index || ''}.log`)).catch(() => {});
      // The Tradecraft output channel (the client's log, the server's stderr) lives beside it.
      for (const file of await findFiles(path.dirname(log), /Tradecraft\.log$/)) {
        await copyFile(file, path.join(dir, path.basename(file))).catch(() => {});
      }
    }
    const serverLog = path.join(profile.dir, 'code-server.log');
    if (existsSync(serverLog)) await copyFile(serverLog, path.join(dir, 'code-server.log')).catch(() => {});
    progress(`Failure artifacts: ${path.relative(process.cwd(), dir)}`);
  };
  try {
    const codeServer = await ensureCodeServer();
    const vsix = await extensionPackage(scratch);
    const workspace = path.join(scratch, 'workspace');
    await cp(path.join(projectRoot, 'examples'), workspace, { recursive: true });
    await copyFile(corpusDocument, path.join(workspace, CORPUS_NAME));
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(workspace, name), text);

    profile = await createProfile(codeServer, vsix, { settings });
    cleanup.push(() => rm(profile.dir, { recursive: true, force: true }));
    const server = await startCodeServer(codeServer, profile, workspace);
    cleanup.push(() => server.stop());
    const browser = await launchBrowser();
    cleanup.push(() => browser.close());
    page = await newPage(browser);
    await page.goto(server.workbenchUrl(open && path.join(workspace, open)));
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.explorer-folders-view').waitFor();

    return {
      page,
      browser,
      server,
      profile,
      workspace,
      close,
      extensionHostLogs: () => extensionHostLogs(profile),
      recordFailure,
    };
  } catch (error) {
    // The workbench did not come up: keep what it showed and logged before it is removed.
    await recordFailure('opening the workbench').catch(() => {});
    await close();
    throw error;
  }
}

async function findFiles(dir, pattern) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && pattern.test(entry.name)) found.push(path.join(entry.parentPath ?? entry.path, entry.name));
  }
  return found;
}

/**
 * Wraps a test body so a failure leaves a screenshot and the logs behind before it is reported.
 * Usage: `test('name', scenario(() => workbench, async () => { … }))`.
 */
export function scenario(getWorkbench, body) {
  return async (t) => {
    try {
      await body(t);
    } catch (error) {
      await getWorkbench()?.recordFailure(t.name).catch(() => {});
      throw error;
    }
  };
}
