/** The machine format of CLI.md: one JSON document, 1-based lines and UTF-16 columns. */
import type { Severity } from '../../core/index.js';
import type { FileReport, Summary } from '../report.js';

export interface JsonFinding {
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
}

export interface JsonReport {
  version: 1;
  files: { path: string; schema: string; findings: JsonFinding[] }[];
  summary: Summary;
}

export function toJsonReport(reports: readonly FileReport[], summary: Summary): JsonReport {
  return {
    version: 1,
    files: reports.map((report) => ({
      path: report.path,
      schema: report.schema,
      findings: report.findings.map((finding) => ({
        rule: finding.rule,
        severity: finding.severity,
        message: finding.message,
        line: finding.range.start.line + 1,
        column: finding.range.start.character + 1,
        endLine: finding.range.end.line + 1,
        endColumn: finding.range.end.character + 1,
        fixable: finding.fixable,
      })),
    })),
    summary: { files: summary.files, errors: summary.errors, warnings: summary.warnings, infos: summary.infos, hints: summary.hints, fixable: summary.fixable },
  };
}

export function formatJson(reports: readonly FileReport[], summary: Summary): string {
  return `${JSON.stringify(toJsonReport(reports, summary), null, 2)}\n`;
}
