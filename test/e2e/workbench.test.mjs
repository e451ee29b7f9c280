// The extension in a real VS Code workbench (code-server + headless Chromium), driven as a user
// drives it: what the Problems panel, the Outline, the Assessment Outline, the lightbulb, the
// Structured Preview, hovers and the status bar show. One workbench serves every scenario, in order.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { progress, projectRoot } from '../../scripts/workbench.mjs';
import { CORPUS_NAME, imagesDir, openWorkbench, resultsDir, scenario } from './harness.mjs';
import {
  activeEditor,
  activeTab,
  createFile,
  expandTreeRow,
  findingKeys,
  formatProblems,
  goToLine,
  nestRows,
  openFile,
  parkMouse,
  poll,
  readProblems,
  resizeSideBar,
  runCommand,
  showExplorerViews,
  showProblems,
  squiggleCount,
  statusBarItem,
  treeRows,
  typeInEditor,
  waitForExpandedViews,
  waitForLine,
  waitForProblems,
  readWebview,
} from './ui.mjs';

const STEP = { timeout: 180_000 };
/** The kernel's clock ticks per second (`getconf CLK_TCK`), the unit of /proc start times. */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** What the brief of the corpus document promises the user sees, besides the CLI's full list. */
const CORPUS_MUST_SHOW = ['scenario-missing-field@38', ...[4, 12, 32, 37, 45, 48].map((line) => `section-not-heading@${line}`), 'confidence-missing@32'];
const CORPUS_SECTIONS = ['Current Situation', 'Strategic Context', 'Assessment', 'Forecast', 'Strategic Implications', 'Bottom Line'];
const CORPUS_ACTORS = ['United States', 'Iran', 'Israel', 'Oman', 'Turkey'];

/** An assessment whose text carries markup a careless preview would run. */
const HOSTILE_NAME = 'markup.assessment.md';
const HOSTILE_TEXT = `# Markup in an assessment

## Current Situation

Talks resume on Monday. <img src="x" onerror="document.body.dataset.pwned = 'img'">

## Forecast

### 🟢 Most Likely (Short Term): Talks resume <script>document.body.dataset.pwned = 'script'</script>
- Trigger: Both sides <img src=x onerror="document.body.dataset.pwned = 'field'"> agree to meet
- Outcome: A joint statement is issued
- Likelihood: likely

### 🔴 Risk Scenario (Short Term): Talks stall
- Trigger: A strike
- Outcome: No meeting
- Likelihood: unlikely

## Bottom Line

The talks are likely to resume.

AB-01, Analyst
`;

let workbench;
let page;
let scratch;

/** The CLI's findings for `text` under the workspace's schema: what every door must show. */
async function cliFindings(name, text) {
  const file = path.join(scratch, name);
  await writeFile(file, text);
  let output;
  try {
    output = execFileSync(process.execPath, [path.join(projectRoot, 'dist', 'cli.js'), 'lint', '--format', 'json', '--schema', path.join(workbench.workspace, 'tradecraft.schema.yaml'), file], { encoding: 'utf8' });
  } catch (error) {
    // Exit code 1 only says there are errors; the report is on stdout all the same.
    if (error.status !== 1) throw error;
    output = error.stdout;
  }
  return JSON.parse(output).files[0].findings;
}

/** The timestamp of a log line (`2026-01-31 12:34:56.789 [info] …`, local time). */
function logTime(line) {
  const [, y, mo, d, h, mi, s, ms] = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3})/.exec(line).map(Number);
  return new Date(y, mo - 1, d, h, mi, s, ms).getTime();
}

/** When the extension host activated Tradecraft, from its log. */
async function activationTime() {
  const line = await poll(
    async () => {
      for (const log of workbench.extensionHostLogs()) {
        const found = (await readFile(log, 'utf8')).split('\n').find((entry) => entry.includes('_doActivateExtension tradecraft.tradecraft'));
        if (found) return found;
      }
      return undefined;
    },
    Boolean,
    'the extension host log to report the activation of tradecraft.tradecraft',
  );
  return logTime(line);
}

/** The language server processes of this workbench's extension (Linux: from /proc). */
async function languageServerPids() {
  const pids = [];
  for (const pid of (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry))) {
    const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (commandLine.includes(workbench.profile.extensions) && commandLine.includes('server.js')) pids.push(Number(pid));
  }
  return pids;
}

/** When the language server process of this workbench started (Linux: from /proc), if it runs. */
async function languageServerStart() {
  for (const pid of await languageServerPids()) {
    // Field 22 of /proc/PID/stat: start time in clock ticks after boot; /proc/uptime: seconds since boot.
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const uptime = Number((await readFile('/proc/uptime', 'utf8')).split(' ')[0]);
    return Date.now() - (uptime - ticks / CLOCK_TICKS) * 1000;
  }
  return undefined;
}

/**
 * B6: from the extension's activation to the first diagnostics of the corpus document, as the
 * editor draws them (squiggles). The document opened with the workbench, so no test step is timed.
 */
async function reportFirstDiagnostics() {
  await activeTab(page, CORPUS_NAME).waitFor();
  const shownAtFirstLook = (await squiggleCount(page)) > 0;
  await poll(() => squiggleCount(page), (count) => count > 0, 'the first squiggles in the corpus document');
  const firstDiagnostics = Date.now();
  const activated = await activationTime();
  const serverStarted = await languageServerStart();
  const b6 = firstDiagnostics - activated;
  const breakdown = serverStarted ? ` (activation → language server started ${Math.round(serverStarted - activated)} ms → first diagnostics ${Math.round(firstDiagnostics - serverStarted)} ms)` : '';
  progress(`B6 first diagnostics: ${shownAtFirstLook ? 'at most ' : ''}${b6} ms from extension activation to the corpus document's first diagnostics in the editor${breakdown}`);
  await mkdir(resultsDir, { recursive: true });
  const record = { id: 'B6', activationToFirstDiagnosticsMs: b6, upperBound: shownAtFirstLook, activationToServerStartMs: serverStarted && Math.round(serverStarted - activated), measuredAt: new Date(firstDiagnostics).toISOString() };
  await writeFile(path.join(resultsDir, 'b6.json'), `${JSON.stringify(record, null, 2)}\n`);
}

/** The snippet's text with every placeholder at its default (the first choice of a choice). */
function expandSnippet(body) {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{?\d+\}?/g, '');
}

describe('Tradecraft in a VS Code workbench', { timeout: 900_000 }, () => {
  before(async () => {
    // The corpus document opens with the workbench, so its first diagnostics wait on nothing a test does.
    workbench = await openWorkbench({ open: CORPUS_NAME, files: { [HOSTILE_NAME]: HOSTILE_TEXT } });
    ({ page } = workbench);
    scratch = path.join(path.dirname(workbench.workspace), 'expected');
    await mkdir(scratch, { recursive: true });
    await mkdir(imagesDir, { recursive: true });
  });

  after(async () => {
    await workbench?.close();
  });

  test('1. the corpus document: findings in Problems, the Outline, the Assessment Outline', STEP, scenario(() => workbench, async () => {
    const expected = await cliFindings(CORPUS_NAME, await readFile(path.join(workbench.workspace, CORPUS_NAME), 'utf8'));
    for (const key of CORPUS_MUST_SHOW) assert.ok(findingKeys(expected).includes(key), `the CLI reports ${key} for the corpus document`);

    await reportFirstDiagnostics();
    // On its first assessment the extension opens both outline views, which VS Code would show collapsed.
    await waitForExpandedViews(page, ['Outline', 'Assessment Outline']);

    await showProblems(page, CORPUS_NAME);
    const shown = await waitForProblems(page, (problems) => findingKeys(problems).join() === findingKeys(expected).join(), `the CLI's findings:\n${formatProblems(expected)}`);
    assert.deepEqual(
      shown.map(({ rule, line, severity }) => `${rule}@${line}:${severity}`).sort(),
      expected.map(({ rule, line, severity }) => `${rule}@${line}:${severity}`).sort(),
      'the Problems panel shows the CLI findings, with the same severities',
    );
    await page.screenshot({ path: path.join(imagesDir, 'problems-panel.png') });

    // The Outline: the six sections in order, the two scenarios under Forecast.
    const outline = await showExplorerViews(page, ['Outline']);
    await outline.locator('.pane-header').hover(); // a view's actions show on hover
    await outline.locator('.pane-header .action-label[aria-label^="Collapse All"]').click();
    const topLevel = await poll(() => treeRows(outline), (rows) => CORPUS_SECTIONS.every((title) => rows.some((row) => row.level === 1 && row.label === title)), 'the six sections in the Outline');
    assert.deepEqual(topLevel.filter((row) => CORPUS_SECTIONS.includes(row.label)).map((row) => row.label), CORPUS_SECTIONS, 'the sections, in document order');
    const forecast = await poll(
      async () => {
        await expandTreeRow(outline, 'Forecast', 1); // again if a refresh collapsed it since
        return treeRows(outline);
      },
      (rows) => rows.some((row) => row.level === 2 && row.label === 'Risk Scenario'),
      'the scenarios under Forecast',
    );
    const underForecast = forecast.slice(forecast.findIndex((row) => row.label === 'Forecast') + 1).filter((row) => row.level === 2).map((row) => row.label);
    assert.deepEqual(underForecast.slice(0, 2), ['Most Likely', 'Risk Scenario'], 'the two scenarios under Forecast');

    // The Assessment Outline: actors, and scenarios with their fields (a missing trigger marked).
    const assessmentOutline = await showExplorerViews(page, ['Assessment Outline']);
    // The tree is rebuilt when the diagnostics arrive (a missing field is marked from them): wait
    // for the whole expected tree, not just its first rows.
    const fields = (scenario) => scenario.children.map((field) => `${field.label}${field.description === 'missing' ? ' (missing)' : ''}`).sort();
    const expectedScenarios = [
      ['Most Likely: Limited Nuclear Confidence-Building Measures', ['Outcome', 'Risk', 'Trigger (missing)', 'Why']],
      ['Risk Scenario: Negotiations Collapse → Regional Escalation', ['Outcome', 'Trigger']],
    ];
    const scenarioRows = (root) => (root?.children ?? []).map((scenario) => [scenario.label, fields(scenario)]);
    const rows = await poll(
      () => treeRows(assessmentOutline),
      (found) => JSON.stringify(scenarioRows(nestRows(found)[1])) === JSON.stringify(expectedScenarios) && found.some((row) => row.label === 'Turkey'),
      'actors, and the scenarios with their fields (a missing trigger marked), in the Assessment Outline',
    );
    const [actorsRoot, scenariosRoot] = nestRows(rows);
    assert.deepEqual([actorsRoot.label, scenariosRoot.label], ['Actors', 'Scenarios']);
    const actors = actorsRoot.children.map((actor) => actor.label);
    for (const actor of CORPUS_ACTORS) assert.ok(actors.includes(actor), `actor ${actor} in ${actors.join(', ')}`);
    assert.deepEqual(scenarioRows(scenariosRoot), expectedScenarios);
    await resizeSideBar(page, 460); // room for the scenario titles in the picture
    await page.screenshot({ path: path.join(imagesDir, 'assessment-outline.png') });
    await resizeSideBar(page, 300);
  }));

  test('6. the status bar shows the schema and the counts', STEP, scenario(() => workbench, async () => {
    await openFile(page, CORPUS_NAME);
    const expected = await cliFindings(CORPUS_NAME, await readFile(path.join(workbench.workspace, CORPUS_NAME), 'utf8'));
    const count = (severity) => expected.filter((finding) => finding.severity === severity).length;
    const item = statusBarItem(page, 'tradecraft.status');
    const shows = new RegExp(`tradecraft\\.schema\\.yaml\\s+${count('error')}\\s+${count('warning')}\\b`);
    await poll(() => item.innerText(), (shown) => shows.test(shown), `the Tradecraft status bar item to show the schema, ${count('error')} errors and ${count('warning')} warnings`);
    const says = new RegExp(`${count('error')} errors?, ${count('warning')} warnings?, ${count('info')} infos?`);
    await poll(() => item.getAttribute('aria-label'), (label) => says.test(label ?? ''), 'the status bar item’s accessible label to give every count');
  }));

  test('5. hovering a yardstick term shows its band', STEP, scenario(() => workbench, async () => {
    await openFile(page, CORPUS_NAME);
    await goToLine(page, 48);
    // “… are unlikely on their own to resolve …” on the bottom line.
    const term = activeEditor(page).locator('.view-lines span span', { hasText: /^unlikely$/ }).first();
    const hover = page.locator('.monaco-hover:visible', { hasText: 'yardstick' }).first();
    // The editor shows a hover once the pointer has rested on an unchanged layout; a re-render
    // (decorations, diagnostics) in that moment swallows it, and the user points again.
    await poll(
      async () => {
        await term.hover();
        const shown = await hover.waitFor({ timeout: 3_000 }).then(() => true, () => false);
        if (!shown) await parkMouse(page);
        return shown;
      },
      (shown) => shown,
      'the hover of “unlikely”',
    );
    assert.match(await hover.innerText(), /unlikely — 20–45% on the ICD 203 yardstick/);
    await parkMouse(page);
    await page.keyboard.press('Escape');
    await hover.waitFor({ state: 'hidden' });
  }));

  test('3. a quick fix from the lightbulb converts a title line to a heading', STEP, scenario(() => workbench, async () => {
    await showProblems(page, CORPUS_NAME);
    await waitForProblems(page, (problems) => findingKeys(problems).includes('section-not-heading@4'), 'section-not-heading on line 4');
    await openFile(page, CORPUS_NAME);
    await goToLine(page, 4);
    // The lightbulb shows in the gutter of the line once the server has offered its actions (an
    // autofix icon when a preferred, safe fix is among them); the user clicks it.
    const lightbulb = activeEditor(page).locator('[class*="codicon-gutter-lightbulb"], .codicon-lightbulb-autofix, .codicon-lightbulb').filter({ visible: true }).first();
    await lightbulb.click();
    const fix = page.locator('.action-widget .monaco-list-row.action', { hasText: 'Convert to a level-2 heading' });
    await fix.waitFor();
    await page.screenshot({ path: path.join(imagesDir, 'quick-fix.png') });
    await fix.click();
    await waitForLine(page, 4, (text) => text.startsWith('## ') && text.includes('Current Situation'), 'a level-2 heading');
    const after = await waitForProblems(page, (problems) => problems.length > 0 && !findingKeys(problems).includes('section-not-heading@4'), 'no section-not-heading on line 4');
    assert.ok(findingKeys(after).includes('section-not-heading@12'), 'the other title lines keep their findings');
  }));

  test('4. the Structured Preview shows scenario cards and the actor table, and markup as text', STEP, scenario(() => workbench, async () => {
    await openFile(page, CORPUS_NAME);
    await runCommand(page, 'Tradecraft: Show Structured Preview');
    const cardTexts = (frame) => frame.locator('article.card').allInnerTexts();
    const cards = await poll(() => readWebview(page, cardTexts), (texts) => texts.length === 2, 'two scenario cards');
    assert.match(cards[0], /Most Likely[\s\S]*Limited Nuclear Confidence-Building Measures/);
    assert.match(cards[1], /Risk Scenario[\s\S]*Negotiations Collapse/);
    const actorNames = await readWebview(page, (frame) => frame.locator('table.actors th[scope="row"]').allInnerTexts());
    for (const actor of CORPUS_ACTORS) assert.ok(actorNames.includes(actor), `actor ${actor} in the table (${actorNames.join(', ')})`);
    await runCommand(page, 'View: Hide Panel'); // the picture is of the editor and its preview
    await readWebview(page, (frame) => frame.locator('h2', { hasText: /^Scenarios$/ }).evaluate((heading) => heading.scrollIntoView()));
    await page.screenshot({ path: path.join(imagesDir, 'structured-preview.png') });

    // The preview follows the active editor: open an assessment full of markup.
    await openFile(page, HOSTILE_NAME);
    const titles = (frame) => frame.locator('article.card h3').allInnerTexts();
    await poll(() => readWebview(page, titles), (texts) => texts.some((text) => text.includes('Talks resume')), `the preview of ${HOSTILE_NAME}`);
    // One evaluation, so that every value comes from the same page.
    const hostile = await readWebview(page, (frame) =>
      frame.locator('body').evaluate((body) => {
        const cards = [...document.querySelectorAll('article.card')];
        return {
          title: cards.map((card) => card.querySelector('h3')?.innerText ?? '').find((text) => text.includes('Talks resume')) ?? '',
          firstCard: cards[0]?.innerText ?? '',
          fromDocument: {
            scripts: [...document.scripts].filter((script) => script.textContent.includes('pwned')).length,
            images: document.images.length,
            handlers: document.querySelectorAll('[onerror], [onmouseover]').length,
            ran: body.dataset.pwned ?? null,
          },
        };
      }),
    );
    assert.match(hostile.title, /Talks resume <script>document\.body\.dataset\.pwned = 'script'<\/script>/, 'the script tag is shown as text');
    assert.match(hostile.firstCard, /<img src=x onerror=/, 'the img tag is shown as text');
    assert.deepEqual(hostile.fromDocument, { scripts: 0, images: 0, handlers: 0, ran: null }, 'no element came from the document, nothing of it ran');
    // Close the preview: the next scenario wants the editor's full width.
    await page.locator('.tabs-container .tab', { hasText: 'Preview:' }).locator('.tab-actions .action-label[aria-label^="Close"]').click();
    await page.locator('.tabs-container .tab', { hasText: 'Preview:' }).waitFor({ state: 'detached' });
  }));

  test('2. the skeleton snippet in a new assessment; diagnostics follow the typing', STEP, scenario(() => workbench, async () => {
    const name = 'draft.assessment.md';
    const snippets = JSON.parse(await readFile(path.join(projectRoot, 'snippets', 'tradecraft.code-snippets'), 'utf8'));
    const skeleton = Object.values(snippets).find((snippet) => snippet.prefix === 'tc-assessment');
    assert.ok(skeleton, 'snippets/ has the tc-assessment skeleton');

    await showProblems(page, name);
    await createFile(page, name);
    await typeInEditor(page, 'tc-assessment');
    const forPrefix = await cliFindings(name, 'tc-assessment');
    assert.ok(forPrefix.length > 0, 'a lone prefix is not an assessment');
    await waitForProblems(page, (problems) => findingKeys(problems).join() === findingKeys(forPrefix).join(), `the findings of the bare prefix:\n${formatProblems(forPrefix)}`);

    await page.keyboard.press('Control+Space');
    // Click the item itself: completion items arriving late may re-sort the list under Enter.
    await page.locator('.suggest-widget.visible .monaco-list-row[aria-label*="Tradecraft: assessment skeleton"]').click();
    const text = expandSnippet(skeleton.body);
    const forSkeleton = await cliFindings(name, text);
    await waitForLine(page, 3, (line) => line === '## Current Situation', 'the skeleton');
    await waitForProblems(page, (problems) => findingKeys(problems).join() === findingKeys(forSkeleton).join(), `the findings of the skeleton:\n${formatProblems(forSkeleton)}`);
    await page.keyboard.press('Escape'); // leave the snippet's placeholders
    await page.keyboard.press('Control+S');
    await poll(() => readFile(path.join(workbench.workspace, name), 'utf8'), (saved) => saved === text, 'the saved skeleton to match the snippet');

    // Delete the first scenario's Trigger line: the missing field is reported as soon as it is gone.
    const lines = text.split('\n');
    const trigger = lines.findIndex((line) => line.startsWith('- Trigger:')) + 1;
    await goToLine(page, trigger);
    await page.keyboard.press('Control+Shift+K');
    const edited = [...lines.slice(0, trigger - 1), ...lines.slice(trigger)].join('\n');
    const forEdit = await cliFindings(name, edited);
    assert.ok(findingKeys(forEdit).includes(`scenario-missing-field@${trigger - 1}`), 'the edit removes a required field');
    await waitForProblems(page, (problems) => findingKeys(problems).join() === findingKeys(forEdit).join(), `the findings after the edit:\n${formatProblems(forEdit)}`);
    assert.deepEqual(findingKeys(await readProblems(page)), findingKeys(forEdit));
  }));
  test('7. the language server dies: the client starts a new one and the diagnostics come back', STEP, scenario(() => workbench, async () => {
    const name = 'crash.assessment.md';
    const [server, ...others] = await languageServerPids();
    assert.ok(server && others.length === 0, 'one language server runs for the workbench');

    await showProblems(page, name);
    await createFile(page, name);
    const before = 'Restart check';
    await typeInEditor(page, before);
    const forBefore = await cliFindings(name, before);
    await waitForProblems(page, (problems) => findingKeys(problems).join() === findingKeys(forBefore).join(), `the findings before the crash:\n${formatProblems(forBefore)}`);

    // The user goes on typing while the server is dead: every keystroke is a message the client
    // fails to send, which must not make it give up on the server.
    process.kill(server, 'SIGKILL');
    const during = `${before}: the talks`;
    await typeInEditor(page, during.slice(before.length));
    const [restarted] = await poll(languageServerPids, (pids) => pids.length === 1 && pids[0] !== server, 'a new language server process');
    assert.notEqual(restarted, server);

    // The new server checks the open document as it now is, and follows the typing again.
    const after = `${during} will certainly fail`;
    await typeInEditor(page, after.slice(during.length));
    const forAfter = await cliFindings(name, after);
    assert.ok(findingKeys(forAfter).includes('likelihood-absolute@1'), 'the typing adds a finding');
    await waitForProblems(page, (problems) => findingKeys(problems).join() === findingKeys(forAfter).join(), `the findings after the restart:\n${formatProblems(forAfter)}`);
    assert.deepEqual(await languageServerPids(), [restarted], 'the restarted server keeps running');
  }));
});
