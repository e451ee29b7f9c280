/** What linting one file produced, as plain data: built in a worker or in process, printed by the formats. */
import type { Range, Severity } from '../core/index.js';

export interface ReportedEdit {
  range: Range;
  newText: string;
}

export interface ReportedFinding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** A safe fix exists (what --fix would apply). */
  fixable: boolean;
  /** That safe fix, for formats that carry fixes (SARIF). */
  fix?: { title: string; edits: ReportedEdit[] };
}

export interface FileReport {
  /** As given, or relative to the current folder. */
  path: string;
  /** `builtin:standard` or the schema file relative to the current folder. */
  schema: string;
  /** Sorted by line, column, rule. */
  findings: ReportedFinding[];
  /** Safe fixes written to the file by --fix. */
  fixesApplied: number;
  /** The file could not be read or decoded (reported as a `file-unreadable` finding). */
  unreadable: boolean;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  fixable: number;
}

export function summarize(reports: readonly FileReport[]): Summary {
  const summary: Summary = { files: reports.length, errors: 0, warnings: 0, infos: 0, hints: 0, fixable: 0 };
  for (const finding of reports.flatMap((report) => report.findings)) {
    if (finding.severity === 'error') summary.errors++;
    else if (finding.severity === 'warning') summary.warnings++;
    else if (finding.severity === 'info') summary.infos++;
    else summary.hints++;
    if (finding.fixable) summary.fixable++;
  }
  return summary;
}

export function compareReportedFindings(a: ReportedFinding, b: ReportedFinding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
