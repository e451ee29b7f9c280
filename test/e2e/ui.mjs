// Driving VS Code's workbench as a user does (keyboard, Quick Open, the command palette, the
// Explorer's views) and reading what it shows. Every read waits on the UI state it expects.
import assert from 'node:assert/strict';

/** How long a user-visible change may take on a slow, shared machine. */
export const UI_TIMEOUT = 60_000;
/** How often `poll` looks again: the pace of looking, not a time anything is given to happen. */
const POLL_INTERVAL = 50;

/**
 * Re-reads some state until `accept` holds, then returns it (what Playwright Test's expect.poll
 * does); fails after UI_TIMEOUT, saying what it waited for and what it saw last.
 */
export async function poll(read, accept, description, timeout = UI_TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) assert.fail(`Timed out waiting for ${description}; last seen:\n${typeof last === 'string' ? last : JSON.stringify(last, null, 1)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL));
  }
}

// ---------------------------------------------------------------------------------------------
// Quick Open, the command palette, editors

const quickInput = (page) => page.locator('.quick-input-widget');

/** Types into the open quick input and accepts the row whose label contains `label`. */
async function acceptQuickInputRow(page, text, label) {
  const widget = quickInput(page);
  await widget.waitFor({ state: 'visible' });
  const input = widget.locator('.quick-input-box input');
  await input.fill(text);
  // Enter takes whatever row is focused: wait until it is the one asked for.
  await widget.locator('.quick-input-list .monaco-list-row.focused', { has: page.locator('.label-name', { hasText: label }) }).waitFor();
  await input.press('Enter');
  await widget.waitFor({ state: 'hidden' });
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor to have focus. */
export async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  await acceptQuickInputRow(page, name, name);
  await activeTab(page, name).waitFor();
  await focusedEditor(page).waitFor();
}

/** Runs a command from the command palette (F1) by its title, e.g. `Tradecraft: Show Structured Preview`. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await acceptQuickInputRow(page, `>${title}`, title);
}

/**
 * The active tab of the file `name`, by its resource name: a preview's tab is active too, in its
 * own group, and its label ("Preview: name") contains the file name.
 */
export function activeTab(page, name) {
  return page.locator(`.tabs-container .tab.active[data-resource-name=${JSON.stringify(name)}]`);
}

export function activeEditor(page) {
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

function focusedEditor(page) {
  return page.locator('.editor-group-container.active .monaco-editor.focused').first();
}

/** Creates a file with the Explorer's New File… action; it opens in an editor with focus. */
export async function createFile(page, name) {
  const folders = await showExplorerViews(page, ['Explorer Section:'], { match: 'prefix' });
  const header = folders.locator('.pane-header');
  await header.hover(); // the view's actions show on hover, as for a user
  await header.locator('.action-label[aria-label^="New File"]').click();
  const input = folders.locator('.monaco-inputbox input');
  await input.fill(name);
  await input.press('Enter');
  await activeTab(page, name).waitFor();
  await focusedEditor(page).waitFor();
}

/** Gives the active editor the keyboard focus again (after, say, typing in a view's filter). */
export async function focusEditor(page) {
  await runCommand(page, 'View: Focus Active Editor Group');
  await focusedEditor(page).waitFor();
}

/** Types into the focused editor, key by key. */
export async function typeInEditor(page, text) {
  await focusedEditor(page).waitFor();
  await page.keyboard.type(text);
}

/** Moves the cursor with Go to Line (Ctrl+G). */
export async function goToLine(page, line) {
  await focusedEditor(page).waitFor();
  await page.keyboard.press('Control+G');
  const widget = quickInput(page);
  await widget.waitFor({ state: 'visible' });
  const input = widget.locator('.quick-input-box input');
  await input.fill(`:${line}`);
  await input.press('Enter');
  await widget.waitFor({ state: 'hidden' });
  await activeEditor(page).locator('.line-numbers.active-line-number', { hasText: new RegExp(`^${line}$`) }).waitFor();
  await focusedEditor(page).waitFor();
}

/**
 * The rendered text of the active editor's lines, by line number (what is scrolled into view; a
 * wrapped line gives its first row).
 */
export async function visibleLines(page) {
  return activeEditor(page).evaluate((editor) => {
    const topOf = (element) => Math.round(parseFloat(element.style.top || element.parentElement.style.top || 'NaN'));
    const textAt = new Map();
    for (const line of editor.querySelectorAll('.view-lines .view-line')) textAt.set(topOf(line), line.textContent.replace(/\u00a0/g, ' '));
    const lines = {};
    for (const number of editor.querySelectorAll('.margin-view-overlays .line-numbers')) {
      const text = textAt.get(topOf(number));
      if (text !== undefined && number.textContent.trim() !== '') lines[Number(number.textContent)] = text;
    }
    return lines;
  });
}

/** Waits until the active editor renders `line` as `accept` wants; returns its text. */
export async function waitForLine(page, line, accept, description) {
  const lines = await poll(() => visibleLines(page), (shown) => shown[line] !== undefined && accept(shown[line]), `line ${line} to read as ${description}`);
  return lines[line];
}

// ---------------------------------------------------------------------------------------------
// Problems panel

/** Shows the Problems panel, narrowed with its filter box to one file. */
export async function showProblems(page, fileName) {
  await runCommand(page, 'Focus on Problems View');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible' });
  const filter = page.locator('.part.panel .viewpane-filter input');
  const badge = page.locator('.part.panel .viewpane-filter .viewpane-filter-badge');
  const glob = `**/${fileName}`;
  // While the view is being restored it may reset its filter box: type again until it took.
  await poll(
    async () => {
      if ((await filter.inputValue()) !== glob) await filter.fill(glob);
      return (await filter.inputValue()) === glob && (await badge.isVisible()) ? await badge.innerText() : undefined;
    },
    (shown) => /^Showing/.test(shown ?? ''),
    `the Problems filter to take ${glob}`,
  );
  return panel;
}

/** The findings the Problems panel lists (Tradecraft's only), as `{ rule, line, column, severity, message }`. */
export async function readProblems(page) {
  return page.locator('.markers-panel .monaco-list-row[aria-level="2"]').evaluateAll((rows) =>
    rows
      .filter((row) => row.querySelector('.marker-source')?.textContent === 'tradecraft')
      .map((row) => {
        const [, line, column] = /\[Ln (\d+), Col (\d+)\]/.exec(row.querySelector('.marker-line')?.textContent ?? '') ?? [];
        const icon = row.querySelector('.marker-icon');
        return {
          rule: row.querySelector('.marker-code')?.textContent ?? '',
          line: Number(line),
          column: Number(column),
          severity: ['error', 'warning', 'info'].find((name) => icon?.classList.contains(name)) ?? 'hint',
          message: row.querySelector('.marker-message')?.textContent ?? '',
        };
      }),
  );
}

/** Waits until the Problems panel's findings satisfy `accept`, then returns them. */
export function waitForProblems(page, accept, description) {
  return poll(() => readProblems(page), accept, `the Problems panel to show ${description}`);
}

export function formatProblems(problems) {
  return problems.map((problem) => `  ${problem.line}:${problem.column} ${problem.severity} ${problem.rule}`).join('\n') || '  (nothing)';
}

/** `rule@line` keys, sorted: what two lists of findings are compared by. */
export function findingKeys(findings) {
  return findings.map((finding) => `${finding.rule}@${finding.line}`).sort();
}

// ---------------------------------------------------------------------------------------------
// The Explorer's views, the status bar, webviews

/** The Explorer's view panes, by header (`Outline Section`, `Explorer Section: <folder>`). */
function explorerPanes(page) {
  return page.locator('.sidebar .split-view-view .pane');
}

/** The Explorer's view titled `title` (`Outline`, `Assessment Outline`). */
export function explorerPane(page, title) {
  return explorerPanes(page).filter({ has: page.locator(`.pane-header[aria-label="${title} Section"]`) });
}

/** Waits until the Explorer shows each view of `titles` expanded (as its header says). */
export async function waitForExpandedViews(page, titles) {
  for (const title of titles) {
    await explorerPanes(page).locator(`.pane-header[aria-label="${title} Section"][aria-expanded="true"]`).waitFor();
  }
}

/**
 * Shows the Explorer with only the named views expanded (the others collapsed, so the named ones
 * get the room to render every row). Returns the first named view's pane.
 */
export async function showExplorerViews(page, titles, { match = 'exact' } = {}) {
  await runCommand(page, 'View: Show Explorer');
  const panes = explorerPanes(page);
  await panes.first().waitFor();
  const wanted = (label) => titles.some((title) => (match === 'prefix' ? label.startsWith(title) : label === `${title} Section`));
  // Collapse first, then expand: an expanding view takes the room the others give up.
  for (const expand of [false, true]) {
    for (const header of await panes.locator('.pane-header').all()) {
      const label = (await header.getAttribute('aria-label')) ?? '';
      const expanded = (await header.getAttribute('aria-expanded')) === 'true';
      if (wanted(label) === expand && expanded !== expand) {
        await header.click();
        await poll(() => header.getAttribute('aria-expanded'), (state) => state === String(expand), `${label} to ${expand ? 'expand' : 'collapse'}`);
      }
    }
  }
  const header = match === 'prefix' ? `.pane-header[aria-label^="${titles[0]}"]` : `.pane-header[aria-label="${titles[0]} Section"]`;
  const pane = panes.filter({ has: page.locator(header) });
  await pane.locator('.pane-body').waitFor({ state: 'visible' });
  return pane;
}

/** Moves the pointer onto the activity bar's empty stretch, so no hover lingers over what comes next. */
export async function parkMouse(page) {
  const bar = await page.locator('.part.activitybar').boundingBox();
  await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height * 0.6);
}

/** Drags the side bar's edge, as a user does to read long labels, until it is `width` pixels wide. */
export async function resizeSideBar(page, width) {
  const sideBar = await page.locator('.part.sidebar').boundingBox();
  const edge = sideBar.x + sideBar.width;
  const sashes = await page.locator('.monaco-sash.vertical').evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2, height: box.height };
    }),
  );
  const sash = sashes.filter((candidate) => Math.abs(candidate.x - edge) < 6).sort((a, b) => b.height - a.height)[0];
  assert.ok(sash, 'the side bar has a sash on its edge');
  await page.mouse.move(sash.x, sash.y);
  await page.mouse.down();
  await page.mouse.move(sash.x + width - sideBar.width, sash.y, { steps: 5 });
  await page.mouse.up();
  await parkMouse(page);
  await poll(async () => (await page.locator('.part.sidebar').boundingBox()).width, (now) => Math.abs(now - width) < 10, `the side bar to be ${width} px wide`);
}

/** The rows a tree view renders, as `{ label, level, description, expanded }`. */
export async function treeRows(pane) {
  return pane.locator('.pane-body .monaco-list-row').evaluateAll((rows) =>
    rows
      .map((row) => ({
        label: (row.querySelector('.label-name')?.textContent ?? '').trim(),
        level: Number(row.getAttribute('aria-level')),
        description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
        expanded: row.getAttribute('aria-expanded'),
        index: Number(row.dataset.index),
      }))
      // Rendered rows are reused out of order while scrolling; the list index is the tree order.
      .sort((a, b) => a.index - b.index),
  );
}

/**
 * Expands the tree row labelled `label` at `level` and waits until it shows as expanded. A tree
 * may be rebuilt under the pointer (the Outline re-renders when a symbol provider registers or the
 * symbols refresh, restoring its default expansion), so a row still collapsed is clicked again,
 * as a user would.
 */
export async function expandTreeRow(pane, label, level) {
  const row = pane.locator(`.monaco-list-row[aria-level="${level}"]`).filter({ has: pane.page().locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
  await poll(
    async () => {
      const state = await row.first().getAttribute('aria-expanded', { timeout: UI_TIMEOUT });
      if (state === 'false') await row.first().locator('.monaco-tl-twistie').click({ timeout: 2_000 }).catch(() => {}); // re-rendered mid-click: look again
      return state;
    },
    (state) => state === 'true',
    `${label} to expand`,
  );
}

/** Tree rows nested by their level: `[{ label, description, children: […] }]`. */
export function nestRows(rows) {
  const roots = [];
  const open = [];
  for (const row of rows) {
    const node = { label: row.label, description: row.description, children: [] };
    open.length = row.level - 1;
    (open.at(-1)?.children ?? roots).push(node);
    open.push(node);
  }
  return roots;
}

/** A status bar item by the id its extension gave it. */
export function statusBarItem(page, id) {
  return page.locator(`.part.statusbar .statusbar-item[id$=".${id}"]`);
}

/**
 * The document inside the active webview (VS Code nests it in two iframes), once it has content.
 * A frame locator, not a Frame: the inner frame is replaced whenever the webview's content
 * changes, and every query through a locator finds the frame that holds the content now.
 */
async function webviewFrame(page) {
  const content = page.locator('iframe.webview.ready:visible').first().contentFrame().locator('iframe#active-frame').contentFrame();
  await content.locator('body *').first().waitFor();
  return content;
}

/** What Playwright says when the frame a query runs in is replaced under it. */
const FRAME_REPLACED = /Frame was detached|Execution context was destroyed|frame got detached/i;

/**
 * Reads the active webview's document with `read(frame)`. When the webview swaps its frame during
 * the read (it does each time its page changes), the read starts again in the new frame. Values
 * that must come from one page are read in one call (one `evaluate`).
 */
export async function readWebview(page, read) {
  const deadline = Date.now() + UI_TIMEOUT;
  for (;;) {
    try {
      return await read(await webviewFrame(page));
    } catch (error) {
      if (!FRAME_REPLACED.test(String(error?.message)) || Date.now() > deadline) throw error;
    }
  }
}

/** How many squiggles (error, warning, info) the active editor draws on its visible lines. */
export function squiggleCount(page) {
  return activeEditor(page).locator('.squiggly-error, .squiggly-warning, .squiggly-info').count();
}
