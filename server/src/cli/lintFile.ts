/**
 * Linting one file end to end: read and decode it, check it, apply safe fixes until none is left
 * (fixes that overlapped are picked up by the next pass), write it atomically, report what remains.
 * Problems with the file itself become findings of that file, so one bad file never stops a run.
 */
import {
  applySafeFixes,
  Engine,
  resolveSchemaReference,
  type CheckResult,
  type Finding,
  type SchemaHost,
} from '../core/index.js';
import { diskSchemaHost } from './diskSchemaHost.js';
import { schemaLabel, schemaUsedLabel } from './displayPath.js';
import { describeIoError, readDocument } from './readDocument.js';
import { compareReportedFindings, type FileReport, type ReportedFinding } from './report.js';
import type { FileTask } from './selectFiles.js';
import { ReadOnlyFileError, writeFileAtomic } from './writeAtomic.js';

/** Pseudo-rules for problems with the file rather than its text; not in the rule registry. */
export const FILE_UNREADABLE = 'file-unreadable';
export const FIX_NOT_WRITTEN = 'fix-not-written';
export const INTERNAL_ERROR = 'internal-error';

export interface LintFileOptions {
  cwd: string;
  /** An explicit `--schema`, already resolved to `builtin:NAME` or an absolute path and known to load. */
  forcedSchema?: string | undefined;
  fix: boolean;
}

/** Passes of fix → re-check; each pass applies every non-overlapping safe fix, so a few suffice. */
const MAX_FIX_PASSES = 10;

const ZERO_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** One per thread: it owns the engine, whose schema cache serves every file of the run. */
export class FileLinter {
  private readonly host: SchemaHost = diskSchemaHost();
  private readonly engine = new Engine(this.host);

  constructor(private readonly options: LintFileOptions) {}

  lint(task: FileTask): FileReport {
    try {
      return this.lintReadable(task);
    } catch (error) {
      // An engine bug must not end the run or hide the other files' results.
      return this.fileProblem(task, INTERNAL_ERROR, `Tradecraft failed on this file (please report it): ${error instanceof Error ? error.message : String(error)}`, false);
    }
  }

  private lintReadable(task: FileTask): FileReport {
    const document = readDocument(task.absolutePath);
    if (!document.ok) return this.fileProblem(task, FILE_UNREADABLE, `Cannot lint ${task.displayPath}: ${document.reason}.`, true);

    const check = (text: string): CheckResult =>
      this.engine.check({
        text,
        documentPath: task.absolutePath,
        workspaceRoot: task.workspaceRoot,
        forcedSchema: this.options.forcedSchema,
        schemaSettings: task.settings.schemas,
        ruleSettings: task.settings.rules,
        yardstick: task.settings.yardstick,
      });

    let text = document.text;
    let result = check(text);
    let fixesApplied = 0;
    const fileFindings: ReportedFinding[] = [];
    if (this.options.fix) {
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const fixed = applySafeFixes(text, result.findings);
        if (fixed.applied === 0 || fixed.text === text) break;
        text = fixed.text;
        fixesApplied += fixed.applied;
        result = check(text);
      }
      if (text !== document.text) {
        try {
          writeFileAtomic(task.absolutePath, text, document.mode);
        } catch (error) {
          const reason = error instanceof ReadOnlyFileError ? 'the file is read-only' : describeIoError(error);
          const fixes = `${fixesApplied} fix${fixesApplied === 1 ? '' : 'es'}`;
          fileFindings.push(pseudoFinding(FIX_NOT_WRITTEN, `Could not write ${fixes} to ${task.displayPath}: ${reason}. The file is unchanged.`));
          result = check(document.text);
          fixesApplied = 0;
        }
      }
    }

    return {
      path: task.displayPath,
      schema: schemaUsedLabel(result, this.options.cwd),
      findings: [...result.findings.map(toReported), ...fileFindings].sort(compareReportedFindings),
      fixesApplied,
      unreadable: false,
    };
  }

  private fileProblem(task: FileTask, rule: string, message: string, unreadable: boolean): FileReport {
    // Without the text there is no front matter; name the schema the file's location gives it.
    const reference =
      this.options.forcedSchema ?? resolveSchemaReference({ documentPath: task.absolutePath, workspaceRoot: task.workspaceRoot, schemaSettings: task.settings.schemas }, this.host).reference;
    return { path: task.displayPath, schema: schemaLabel(reference, this.options.cwd), findings: [pseudoFinding(rule, message)], fixesApplied: 0, unreadable };
  }
}

function toReported(finding: Finding): ReportedFinding {
  const reported: ReportedFinding = {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    range: finding.range,
    fixable: finding.fix?.safe === true,
  };
  if (finding.fix?.safe) reported.fix = { title: finding.fix.title, edits: finding.fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })) };
  return reported;
}

function pseudoFinding(rule: string, message: string): ReportedFinding {
  return { rule, severity: 'error', message, range: ZERO_RANGE, fixable: false };
}
