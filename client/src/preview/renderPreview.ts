/**
 * The Structured Preview page: an assessment's outline, findings and text rendered as one HTML
 * document. Pure: the panel supplies the data, a nonce and the webview's CSP source.
 *
 * Safety: the page shows text from arbitrary documents, so every piece of it is escaped, the
 * Content-Security-Policy allows no remote content and only the one nonce'd script, and the only
 * thing the script does is post `{ type: 'reveal', line }` messages (validated on the other side).
 */
import type { Severity } from '../../../server/src/core/findings.js';
import type { Outline } from '../../../server/src/core/outline.js';
import type { OutlineResult } from '../../../server/src/protocol.js';
import { formatBand, type FieldInfo } from '../outline/outlineTree.js';
import { escapeHtml } from './html.js';

export interface PreviewFinding {
  severity: Severity;
  message: string;
  rule: string;
  /** 1-based line. */
  line: number;
}

export interface PreviewInput {
  /** Shown when the document has no title of its own. */
  documentName: string;
  /** The document's text (for the bottom line's words). */
  text: string;
  /** The server's outline, or null when the document is not an assessment. */
  result: OutlineResult | null;
  findings: readonly PreviewFinding[];
  /** The schema's scenario fields, in schema order; defaults to the built-in schema's order. */
  fields?: readonly FieldInfo[];
  /** The id of the schema's bottom-line section. */
  bottomLineSectionId?: string;
}

export interface PreviewPage {
  /** A random value (one per panel); the only script carries it. */
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
const SEVERITY_NAMES: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'infos'],
  hint: ['hint', 'hints'],
};
/** Fields a reader looks for first on a scenario card. */
const LEADING_FIELDS = ['trigger', 'outcome', 'indicators', 'likelihood'];
const DEFAULT_FIELDS: readonly FieldInfo[] = [
  { id: 'trigger', title: 'Trigger', required: true },
  { id: 'outcome', title: 'Outcome', required: true },
];

export function renderPreview(input: PreviewInput, page: PreviewPage): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(page.nonce)) throw new Error('renderPreview needs a random nonce of at least 16 characters.');
  const body = input.result ? renderAssessment(input, input.result) : renderNotAssessment(input);
  return htmlPage(body, input.result?.outline.title ?? input.documentName, page);
}

function htmlPage(body: string, title: string, { nonce, cspSource }: PreviewPage): string {
  const csp = `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style nonce="${escapeHtml(nonce)}">${STYLE}</style>
</head>
<body>
${body}
<script nonce="${escapeHtml(nonce)}">${SCRIPT}</script>
</body>
</html>
`;
}

function renderNotAssessment(input: PreviewInput): string {
  return `<main class="empty">
<h1>${escapeHtml(input.documentName)}</h1>
<p>This document is not an assessment. Tradecraft checks files named <code>*.assessment.md</code>, Markdown with a <code>schema:</code> front-matter key, and the files matched by the <code>tradecraft.files</code> setting.</p>
</main>`;
}

function renderAssessment(input: PreviewInput, result: OutlineResult): string {
  const { outline } = result;
  const fields = input.fields ?? DEFAULT_FIELDS;
  return `<main>
<header>
<h1>${escapeHtml(outline.title ?? input.documentName)}</h1>
<p class="meta">Schema <code>${escapeHtml(result.schema)}</code>${outline.preamble.author ? ` · by ${escapeHtml(`${outline.preamble.author.agentId}, ${outline.preamble.author.role}`)}` : ''}</p>
${renderCounts(input.findings)}
</header>
${renderBottomLine(input, outline)}
${renderSections(outline)}
${renderScenarios(outline, fields)}
${renderJudgments(outline)}
${renderActors(outline)}
${renderSignOff(outline)}
${renderFindingList(input.findings)}
</main>`;
}

function sortedFindings(findings: readonly PreviewFinding[]): PreviewFinding[] {
  return [...findings].sort((a, b) => a.line - b.line || SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}

/** Counts by severity under the title; each count links to the first finding of its severity. */
function renderCounts(findings: readonly PreviewFinding[]): string {
  const sorted = sortedFindings(findings);
  const counts = SEVERITY_ORDER.map((severity) => {
    const matching = sorted.filter((finding) => finding.severity === severity);
    const [one, many] = SEVERITY_NAMES[severity];
    const label = `${matching.length} ${matching.length === 1 ? one : many}`;
    const first = matching[0];
    return first
      ? `<a href="#" class="count ${severity}" data-line="${first.line}" title="Go to the first ${one} (line ${first.line})">${label}</a>`
      : `<span class="count ${severity} none">${label}</span>`;
  }).join(' ');
  return `<p class="findings" aria-label="Findings">${counts}${sorted.length === 0 ? ' <span class="clean">No findings.</span>' : ''}</p>`;
}

/** Every finding, in line order, each linking to its line. */
function renderFindingList(findings: readonly PreviewFinding[]): string {
  if (findings.length === 0) return '';
  const items = sortedFindings(findings)
    .map((finding) => `<li class="${finding.severity}"><a href="#" data-line="${finding.line}">line ${finding.line}</a> <span class="severity">${finding.severity}</span> ${escapeHtml(finding.message)} <code>${escapeHtml(finding.rule)}</code></li>`)
    .join('\n');
  return `<section class="finding-list"><h2>Findings</h2><ul>
${items}
</ul></section>`;
}

function renderBottomLine(input: PreviewInput, outline: Outline): string {
  const section = outline.sections.find((candidate) => candidate.id === (input.bottomLineSectionId ?? 'bottom-line'));
  if (!section) return `<section class="bottom-line missing"><h2>Bottom line</h2><p>No bottom line found.</p></section>`;
  const paragraphs = sectionBody(input.text, section)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
  return `<section class="bottom-line"><h2><a href="#" data-line="${section.line}">${escapeHtml(section.title)}</a></h2>
${paragraphs || '<p class="missing">The section is empty.</p>'}
</section>`;
}

/** The body lines of a section: for a lead-in (`Bottom line: …`) the text after its label, otherwise the lines below the header. */
export function sectionBody(text: string, section: Outline['sections'][number]): string[] {
  const lines = text.split(/\r\n|\r|\n/).slice(section.line - 1, section.range.endLine);
  if (section.form === 'lead-in') {
    const first = lines[0] ?? '';
    const colon = first.indexOf(':');
    lines[0] = colon >= 0 ? first.slice(colon + 1) : '';
  } else {
    lines.shift();
  }
  return lines.map((line) => line.trim()).filter((line) => line !== '');
}

function renderSections(outline: Outline): string {
  if (outline.sections.length === 0) return `<section><h2>Sections</h2><p class="missing">No sections recognised.</p></section>`;
  const items = outline.sections
    .map((section) => {
      const children = section.children.length
        ? `<ul>${section.children.map((child) => `<li><a href="#" data-line="${child.line}">${escapeHtml(child.title)}</a></li>`).join('')}</ul>`
        : '';
      const form = section.form === 'heading' ? '' : ` <span class="badge" title="Written as a ${section.form}, not a Markdown heading">${section.form}</span>`;
      const subtitle = section.subtitle ? ` <span class="subtitle">— ${escapeHtml(section.subtitle)}</span>` : '';
      return `<li><a href="#" data-line="${section.line}">${escapeHtml(section.title)}</a>${subtitle}${form}${children}</li>`;
    })
    .join('\n');
  return `<section><h2>Sections</h2><ol class="sections">
${items}
</ol></section>`;
}

function renderScenarios(outline: Outline, fields: readonly FieldInfo[]): string {
  if (outline.scenarios.length === 0) return `<section><h2>Scenarios</h2><p class="missing">No scenarios found.</p></section>`;
  const order = orderedFieldIds(fields);
  const titles = new Map(fields.map((field) => [field.id, field.title]));
  const cards = outline.scenarios
    .map((scenario) => {
      const ids = [...order.filter((id) => id in scenario.fields || fields.some((field) => field.id === id && field.required)), ...Object.keys(scenario.fields).filter((id) => !order.includes(id))];
      const rows = ids
        .map((id) => {
          const title = escapeHtml(titles.get(id) ?? titleCase(id));
          const value = scenario.fields[id];
          const line = scenario.fieldLines[id];
          if (value === undefined || line === undefined) return `<dt>${title}</dt><dd class="missing">missing</dd>`;
          return `<dt><a href="#" data-line="${line}">${title}</a></dt><dd>${value === '' ? '<span class="missing">empty</span>' : escapeHtml(value)}</dd>`;
        })
        .join('\n');
      const likelihood = scenario.likelihood
        ? `<span class="likelihood" title="${escapeHtml(formatBand(scenario.likelihood.band))}">${escapeHtml(scenario.likelihood.term)} · ${escapeHtml(formatBand(scenario.likelihood.band))}</span>`
        : `<span class="likelihood none">no yardstick term</span>`;
      const horizon = scenario.horizon ? `<span class="horizon">${escapeHtml(scenario.horizon)}</span>` : `<span class="horizon none">no horizon</span>`;
      return `<article class="card">
<h3><a href="#" data-line="${scenario.line}" class="label">${escapeHtml(scenario.label)}</a>${scenario.title ? `: ${escapeHtml(scenario.title)}` : ''}</h3>
<p class="tags">${likelihood} ${horizon}</p>
<dl>
${rows}
</dl>
</article>`;
    })
    .join('\n');
  return `<section><h2>Scenarios</h2><div class="cards">
${cards}
</div></section>`;
}

function titleCase(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, ' ');
}

function orderedFieldIds(fields: readonly FieldInfo[]): string[] {
  const known = fields.map((field) => field.id);
  return [...LEADING_FIELDS.filter((id) => known.includes(id)), ...known.filter((id) => !LEADING_FIELDS.includes(id))];
}

function renderJudgments(outline: Outline): string {
  if (outline.judgments.length === 0) return '';
  const items = outline.judgments
    .map((judgment) => {
      const likelihood = judgment.likelihood ? ` <span class="likelihood">${escapeHtml(judgment.likelihood.term)}</span>` : '';
      return `<li><a href="#" data-line="${judgment.line}">line ${judgment.line}</a> ${escapeHtml(judgment.text)}${likelihood}</li>`;
    })
    .join('\n');
  return `<section><h2>Key judgments</h2><ol class="judgments">
${items}
</ol></section>`;
}

function renderActors(outline: Outline): string {
  const actors = outline.actors.filter((actor) => actor.mentions > 0 || actor.positions.length > 0);
  if (actors.length === 0) return `<section><h2>Actors</h2><p class="missing">No actors found.</p></section>`;
  const rows = actors
    .map((actor) => {
      const first = actor.firstLine !== null ? `<a href="#" data-line="${actor.firstLine}">line ${actor.firstLine}</a>` : '—';
      const positions = actor.positions.map((position) => `<a href="#" data-line="${position.line}">${escapeHtml(position.label)}</a>`).join(', ') || '—';
      return `<tr><th scope="row">${escapeHtml(actor.name)}</th><td class="number">${actor.mentions}</td><td>${first}</td><td>${positions}</td></tr>`;
    })
    .join('\n');
  return `<section><h2>Actors</h2><table class="actors">
<thead><tr><th scope="col">Actor</th><th scope="col">Mentions</th><th scope="col">First mention</th><th scope="col">Positions</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
}

function renderSignOff(outline: Outline): string {
  const { signOff } = outline;
  if (!signOff) return `<section class="sign-off"><h2>Sign-off</h2><p class="missing">No sign-off found.</p></section>`;
  const organization = signOff.organization ? `<br>${escapeHtml(signOff.organization)}` : '';
  return `<section class="sign-off"><h2>Sign-off</h2><p><a href="#" data-line="${signOff.line}">${escapeHtml(`${signOff.agentId}, ${signOff.role}`)}</a>${organization}</p></section>`;
}

// Theme colours come from VS Code's CSS variables, so the page follows light, dark and high-contrast themes.
const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 1.5em 2em; line-height: 1.5; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
a:hover, a:focus { text-decoration: underline; }
code { font-family: var(--vscode-editor-font-family); }
h1 { margin-bottom: 0.2em; }
h2 { border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); padding-bottom: 0.2em; margin-top: 1.6em; }
.meta, .subtitle, .missing, .none { color: var(--vscode-descriptionForeground); }
.missing { font-style: italic; }
.count { margin-right: 0.8em; font-weight: 600; }
.count.error { color: var(--vscode-errorForeground); }
.count.warning { color: var(--vscode-editorWarning-foreground); }
.count.info { color: var(--vscode-editorInfo-foreground); }
.count.none { color: var(--vscode-descriptionForeground); font-weight: normal; }
.finding-list ul { padding-left: 1.2em; }
.severity { text-transform: uppercase; font-size: 0.8em; opacity: 0.8; }
.bottom-line { border-left: 3px solid var(--vscode-textLink-foreground); padding-left: 1em; }
.badge, .likelihood, .horizon { display: inline-block; border-radius: 3px; padding: 0 0.4em; font-size: 0.85em; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
.likelihood.none, .horizon.none { background: transparent; color: var(--vscode-descriptionForeground); border: 1px dashed var(--vscode-descriptionForeground); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(18em, 1fr)); gap: 1em; }
.card { border: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); border-radius: 4px; padding: 0.6em 1em; }
.card h3 { margin: 0.2em 0; }
.card dt { font-weight: 600; margin-top: 0.4em; }
.card dd { margin-left: 0; }
table.actors { border-collapse: collapse; }
table.actors th, table.actors td { text-align: left; padding: 0.2em 1em 0.2em 0; vertical-align: top; }
td.number { text-align: right; }
`;

// Clicks on anything with a data-line ask the extension to reveal that line; the scroll position
// survives re-renders through the webview state.
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const state = vscode.getState();
  if (state && typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
  window.addEventListener('scroll', function () { vscode.setState({ scrollY: window.scrollY }); }, { passive: true });
  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target.closest('[data-line]') : null;
    if (!target) return;
    event.preventDefault();
    vscode.postMessage({ type: 'reveal', line: Number(target.getAttribute('data-line')) });
  });
}());
`;
