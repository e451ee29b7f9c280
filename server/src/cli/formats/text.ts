/** The human format: one line per finding, `path:line:col  severity  message  rule-id`, then a summary line. */
import type { Severity } from '../../core/index.js';
import type { FileReport, Summary } from '../report.js';

const RESET = '\u001b[0m';
const DIM = '\u001b[2m';
const BOLD = '\u001b[1m';
const SEVERITY_COLORS: Record<Severity, string> = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', hint: '\u001b[90m' };

export function formatTextFile(report: FileReport, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `${code}${text}${RESET}` : text);
  return report.findings
    .map((finding) => {
      const where = `${report.path}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      // One finding per line, whatever the message holds, so the output stays greppable.
      const message = finding.message.replace(/\s*[\r\n]+\s*/g, ' ');
      return `${where}  ${paint(SEVERITY_COLORS[finding.severity], finding.severity)}  ${message}  ${paint(DIM, finding.rule)}\n`;
    })
    .join('');
}

export interface FixTally {
  fixes: number;
  files: number;
}

export function formatTextSummary(summary: Summary, fixed: FixTally | undefined, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `${code}${text}${RESET}` : text);
  const lines: string[] = [];
  if (fixed) lines.push(fixed.fixes === 0 ? 'No safe fixes to apply.' : `Fixed ${count(fixed.fixes, 'problem')} in ${count(fixed.files, 'file')}.`);
  const problems = summary.errors + summary.warnings + summary.infos + summary.hints;
  if (problems === 0) {
    lines.push(`No problems found in ${count(summary.files, 'file')}.`);
  } else {
    const tally = `${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')}, ${count(summary.infos, 'info')}, ${count(summary.hints, 'hint')}`;
    const fixable = summary.fixable > 0 ? `; ${summary.fixable} fixable with --fix` : '';
    const headline = `${count(problems, 'problem')} (${tally}) in ${count(summary.files, 'file')}${fixable}.`;
    lines.push(paint(BOLD + (summary.errors > 0 ? SEVERITY_COLORS.error : summary.warnings > 0 ? SEVERITY_COLORS.warning : ''), headline));
  }
  return lines.map((line) => `${line}\n`).join('');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
