/**
 * SARIF 2.1.0 for code-scanning services: one run, every registered rule with its doc page, one
 * result per finding, and the safe fix where there is one. Columns are UTF-16 code units, as the
 * run declares.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, type Range, type Severity } from '../../core/index.js';
import { PROJECT_URL, ruleDocUrl } from '../../ruleDocs.js';
import type { FileReport, ReportedFinding } from '../report.js';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** Relative URIs resolve against the folder the command ran in. */
const SOURCE_ROOT = '%SRCROOT%';

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export function toSarif(reports: readonly FileReport[], version: string, cwd: string): object {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tradecraft',
            version,
            semanticVersion: version,
            informationUri: PROJECT_URL,
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: ruleDocUrl(rule.id),
              defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
              properties: { tags: [rule.family] },
            })),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((report) => report.findings.map((finding) => toResult(finding, artifactLocation(report.path, cwd), ruleIndex.get(finding.rule)))),
      },
    ],
  };
}

export function formatSarif(reports: readonly FileReport[], version: string, cwd: string): string {
  return `${JSON.stringify(toSarif(reports, version, cwd), null, 2)}\n`;
}

function toResult(finding: ReportedFinding, location: object, ruleIndex: number | undefined): object {
  return {
    ruleId: finding.rule,
    // Problems with the file itself (unreadable, not writable) have no registered rule.
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(finding.range) } }],
    ...(finding.fix
      ? {
          fixes: [
            {
              description: { text: finding.fix.title },
              artifactChanges: [
                {
                  artifactLocation: location,
                  replacements: finding.fix.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
                },
              ],
            },
          ],
        }
      : {}),
  };
}

/** Relative to the current folder when the file is inside it (as code scanning expects), else an absolute file URI. */
function artifactLocation(displayPath: string, cwd: string): object {
  const absolute = path.resolve(cwd, displayPath);
  const relative = path.relative(cwd, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function region(range: Range): SarifRegion {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}
