/**
 * The bench's table: one row per figure with what it is compared with, the target from
 * PERFORMANCE.md and whether it is met. Printed as Markdown, so it pastes into docs/PERFORMANCE.md.
 */

/** Linear growth allows for noise: the marginal cost per MB at 1–4 MB within this factor of that at 0.1–1 MB. */
export const LINEAR_TOLERANCE = 1.5;
/** B4 expects "low single digits" of milliseconds. */
const TYPICAL_KEYSTROKE_MS = 5;

const ms = (value) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const times = (value) => `${value.toFixed(value < 0.1 ? 3 : 2)}×`;
const verdict = (ok) => (ok ? 'pass' : '**miss**');
const signed = (value) => `${Math.round(value) < 0 ? '−' : '+'}${Math.abs(Math.round(value))}`;

/** @returns {string[][]} rows of [id, what, measured, comparison, target, result] */
export function tableRows(results) {
  const rows = [];
  const row = (id, result, build) => {
    if (!result) return;
    if (result.error) rows.push([id, result.what ?? '', 'error', result.error.split('\n')[0].slice(0, 80), '', '**error**']);
    else rows.push([id, ...build(result)]);
  };
  row('B1', results.B1, (b1) => {
    const size = b1.sizes['1mb'];
    return ['`lint` of a 1 MB assessment, in process', `${ms(size.tradecraftMs)} = ${times(b1.ratio)}`, `remark-parse ${ms(size.remarkMs)}`, '≤ 1.30×', verdict(b1.ratio <= 1.3)];
  });
  row('B1 growth', results.B1, (b1) => {
    const perMB = Object.values(b1.msPerMB).map((value) => value.toFixed(0)).join(' / ');
    const remarkHow = b1.sizes['4mb'] ? 'same measure' : 'time per MB at 1 MB ÷ at 100 KB';
    return [
      'lint: marginal time per MB from 1 to 4 MB ÷ from 0.1 to 1 MB',
      `${times(b1.slope)} (fit ${b1.fit.msPerMB.toFixed(0)} ms per MB + ${b1.fit.interceptMs.toFixed(0)} ms, r² ${b1.fit.r2}; ${perMB} ms per MB at 0.1 / 1 / 4 MB)`,
      `remark-parse ${times(b1.remarkSlope)} (${remarkHow})`,
      `linear (≤ ${LINEAR_TOLERANCE}×)`,
      verdict(b1.slope <= LINEAR_TOLERANCE),
    ];
  });
  row('B2', results.B2, (b2) => [
    `CLI \`lint --format json\` of ${b2.files.toLocaleString('en')} assessments, whole process`,
    `${ms(b2.tradecraftMs)} = ${times(b2.ratio)}`,
    `markdownlint-cli2 ${ms(b2.markdownlintMs)}${b2.cpu ? ` (CPU time: ${ms(b2.cpu.tradecraftMs)} vs ${ms(b2.cpu.markdownlintMs)} = ${times(b2.cpu.ratio)})` : ''}`,
    '≤ 0.50×',
    verdict(b2.ratio <= 0.5),
  ]);
  row('B3', results.B3, (b3) => [
    `one-character edit in a 1 MB assessment → diagnostics (${b3.method})`,
    `${ms(b3.keystrokeMs)} = ${times(b3.ratio)}`,
    `full validation ${ms(b3.fullValidationMs)}${b3.structureLines ? `; in a key judgment or a field, checked in full: ${ms(b3.structureLines.keystrokeMs)} = ${times(b3.structureLines.ratio)}` : ''}`,
    '≤ 0.05×',
    verdict(b3.ratio <= 0.05),
  ]);
  row('B4', results.B4, (b4) => [
    `one-character edit in the corpus document (${(b4.bytes / 1024).toFixed(1)} KB) → diagnostics (${b4.method})`,
    `median ${ms(b4.medianMs)}`,
    '—',
    `low single-digit ms (< ${TYPICAL_KEYSTROKE_MS} ms)`,
    verdict(b4.medianMs < TYPICAL_KEYSTROKE_MS),
  ]);
  row('B5', results.B5, (b5) => [
    `server with ${b5.files.toLocaleString('en')} assessments indexed for workspace diagnostics`,
    `peak RSS ${b5.peakRssMB.toFixed(0)} MB`,
    `indexed in ${ms(b5.indexedMs)}`,
    '≤ 300 MB',
    verdict(b5.peakRssMB <= 300),
  ]);
  row('Typing', results.typing, (typing) => [
    `memory while typing ${typing.keystrokes} characters into the 1 MB assessment (server over stdio)`,
    `RSS ${signed(typing.growthMB)} MB (${typing.rssBeforeMB.toFixed(0)} → ${typing.rssAfterMB.toFixed(0)} MB)`,
    `a copy of the text per keystroke: +${typing.copyPerKeystrokeMB.toFixed(0)} MB`,
    `well under that (≤ ½)`,
    verdict(typing.growthMB <= typing.copyPerKeystrokeMB / 2),
  ]);
  rows.push(['B6', 'extension activation → first diagnostics in a real workbench', 'not measured here', 'reported by the e2e run', '—', '—']);
  row('Startup', results.startup, (startup) => [
    '`tradecraft --version` (whole process); language server spawn → `initialize` answered',
    `${ms(startup.versionMs)}; ${ms(startup.initializeMs)}`,
    `bare \`node -e 0\` ${ms(startup.nodeMs)}: the bundles add ${ms(startup.versionOverheadMs)} and ${ms(startup.initializeOverheadMs)}`,
    '—',
    '—',
  ]);
  row('Hostile', results.hostile, (hostile) => {
    const declined = Object.entries(hostile.shapes).filter(([, shape]) => shape.declined).map(([name]) => name);
    return [
      `lint of ${Object.keys(hostile.shapes).length} hostile shapes at ${hostile.sizes.smallKB} and ${hostile.sizes.largeKB} KB: worst growth of time per KB`,
      `${times(hostile.worst.growth)} (${hostile.worst.shape}: ${ms(hostile.worst.smallMs)} → ${ms(hostile.worst.largeMs)})`,
      declined.length ? `declined (document-skipped): ${declined.join(', ')}` : '—',
      `linear (≤ ${LINEAR_TOLERANCE}×)`,
      verdict(hostile.worst.growth <= LINEAR_TOLERANCE),
    ];
  });
  return rows;
}

export function markdownTable(rows) {
  const header = ['id', 'what', 'measured', 'comparison', 'target', 'result'];
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The hot spots of each profile: self time by package or module and by function, and total time of the project's functions. */
export function formatProfiles(profiles) {
  const list = (rows, count) => rows.slice(0, count).map((row) => `  ${String(row.ms).padStart(7)} ms ${String(row.share).padStart(5)}%  ${row.name}`);
  const section = (title, summary) => {
    if (!summary) return `${title}: not profiled`;
    if (summary.error) return `${title}: ${summary.error}`;
    return [
      `${title} — ${summary.totalMs} ms sampled`,
      ' by stage:',
      ...list(summary.stages, summary.stages.length),
      ' by package or module (self time):',
      ...list(summary.places, 8),
      ' hottest functions (self time):',
      ...list(summary.functions, 10),
      " the project's functions (total time, with what they call):",
      ...list(summary.projectTotals, 12),
    ].join('\n');
  };
  return [
    'CPU profiles (bench/inputs/profiles/):',
    section('Full lint of the 1 MB document (in process)', profiles.fullLint),
    section(`${profiles.keystroke?.keystrokes} keystrokes in the 1 MB document (in process)`, profiles.keystroke),
    section(`${profiles.corpusKeystroke?.keystrokes} keystrokes in the corpus document (in process)`, profiles.corpusKeystroke),
    section('CLI lint of the batch, one thread', profiles.cliBatch),
  ].join('\n\n');
}
