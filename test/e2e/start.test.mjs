// `npm start` (scripts/start.mjs): serves a workbench on 127.0.0.1 in which the extension activates
// on an example assessment, and Ctrl+C ends every process it started and removes its temp folders.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { freePort, groupAlive, projectRoot } from '../../scripts/workbench.mjs';
import { imagesDir, launchBrowser, newPage } from './harness.mjs';
import { activeTab, explorerPane, poll, squiggleCount, statusBarItem, treeRows, waitForExpandedViews } from './ui.mjs';

/** Every process below `pid` now (from /proc), so the test can check they all ended. */
function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/PID/stat is the parent; the command name (field 2) may contain spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found = [];
  const visit = (parent) => {
    for (const child of children.get(parent) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

/** Whether a process runs (not gone, not a zombie); one that ends while its status is read has gone. */
function alive(pid) {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

test('npm start serves the examples with the extension active; Ctrl+C stops everything', { timeout: 600_000 }, async () => {
  const port = await freePort();
  const args = ['start', '--'];
  // run.mjs packaged the extension already; `npm start` alone builds and packages it itself.
  if (process.env.TRADECRAFT_E2E_VSIX) args.push('--vsix', process.env.TRADECRAFT_E2E_VSIX);
  // Its own process group, as a terminal runs a foreground job: Ctrl+C signals the whole group.
  const start = spawn('npm', args, { cwd: projectRoot, env: { ...process.env, PORT: String(port) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  start.stdout.on('data', (chunk) => (stdout += chunk));
  start.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => start.once('exit', (code, signal) => resolve({ code, signal })));

  let browser;
  let processes = [];
  try {
    const url = await poll(() => /^\s+(http:\/\/\S+)$/m.exec(stdout)?.[1], Boolean, `npm start to print its URL; stderr so far:\n${stderr}`, 300_000);
    assert.ok(url.startsWith(`http://127.0.0.1:${port}/`), `the URL is local and on PORT: ${url}`);
    const workspace = /copy of examples\/ in (\S+);/.exec(stdout)?.[1];
    assert.ok(workspace && existsSync(path.join(workspace, 'typical-mistakes.assessment.md')), 'the workspace is a copy of examples/');

    browser = await launchBrowser();
    const page = await newPage(browser);
    await page.goto(url);
    // The first thing shown: an example assessment, with its findings drawn by the extension.
    await activeTab(page, 'typical-mistakes.assessment.md').waitFor({ timeout: 120_000 });
    await poll(() => squiggleCount(page), (count) => count > 0, 'the example assessment’s diagnostics', 120_000);
    await poll(() => statusBarItem(page, 'tradecraft.status').isVisible(), Boolean, 'the Tradecraft status bar item');
    // … and beside it the Outline and the Assessment Outline, open without a click.
    await waitForExpandedViews(page, ['Outline', 'Assessment Outline']);
    await poll(() => treeRows(explorerPane(page, 'Outline')), (rows) => rows.some((row) => row.label === 'Current Situation'), 'the example’s sections in the Outline');
    await poll(
      () => treeRows(explorerPane(page, 'Assessment Outline')),
      (rows) => ['Actors', 'Scenarios'].every((label) => rows.some((row) => row.label === label)),
      'Actors and Scenarios in the Assessment Outline',
    );
    await page.screenshot({ path: path.join(imagesDir, 'try-it.png') });
    processes = descendants(start.pid);
    assert.ok(processes.length >= 3, `npm, the start script, code-server and its hosts are running (${processes.length} processes)`);

    process.kill(-start.pid, 'SIGINT');
    const { code, signal } = await exited;
    // npm passes the interrupt on and ends the way an interrupted command does; the script itself
    // stops the workbench and exits 0.
    assert.ok(signal === 'SIGINT' || code === 0 || code === 130, `npm start ends on Ctrl+C (exit ${code}, signal ${signal}); stderr:\n${stderr}`);
    assert.doesNotMatch(stderr, /npm error|Error:/, 'no error on the way out');
    await poll(() => processes.filter(alive), (left) => left.length === 0, 'every process npm start started to end', 30_000);
    assert.equal(existsSync(workspace), false, 'the temp workspace is removed');
  } finally {
    await browser?.close();
    if (groupAlive(start.pid)) {
      // A failure on the way: stop npm start as Ctrl+C does, so it takes its workbench down too;
      // kill only what is still running when its group has not ended within a generous bound.
      process.kill(-start.pid, 'SIGINT');
      await poll(() => groupAlive(start.pid), (running) => !running, 'npm start to stop on Ctrl+C', 30_000).catch(() => {});
      if (groupAlive(start.pid)) process.kill(-start.pid, 'SIGKILL');
    }
    for (const pid of processes.filter(alive)) process.kill(pid, 'SIGKILL');
  }
});

test('npm start -- --desktop without `code` on PATH says what to do', { timeout: 60_000 }, () => {
  // PATH holds only Node, so there is no `code` to find.
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'start.mjs'), '--desktop'], {
    env: { ...process.env, PATH: path.dirname(process.execPath) },
    encoding: 'utf8',
  });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /needs VS Code's `code` command on PATH/);
  assert.match(result.stderr, /run `npm start`\s+without --desktop/);
});
