/** `tradecraft lint`: select files, lint them (on workers when there are many), print one report, choose the exit code. */
import { availableParallelism } from 'node:os';
import { Engine } from '../core/index.js';
import { choiceOption, integerOption, parseCommandArgs, stringOption } from './args.js';
import type { CommandContext } from './commandContext.js';
import { diskSchemaHost } from './diskSchemaHost.js';
import { resolveExplicitSchema } from './explicitSchema.js';
import { formatJson } from './formats/json.js';
import { formatSarif } from './formats/sarif.js';
import { formatTextFile, formatTextSummary } from './formats/text.js';
import { commandHelp } from './help.js';
import { stdoutWantsColor, writeErr, writeOut } from './output.js';
import { summarize, type FileReport } from './report.js';
import { readDocument } from './readDocument.js';
import { selectFiles } from './selectFiles.js';
import { UsageError } from './usageError.js';
import { packageVersion } from './version.js';
import { lintFiles } from './workers.js';
import { WorkspaceRoots } from './workspaceRoot.js';

const FORMATS = ['text', 'json', 'sarif'] as const;

export async function lintCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const parsed = parseCommandArgs('lint', args, {
    format: { type: 'string' },
    schema: { type: 'string' },
    fix: { type: 'boolean' },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean' },
    jobs: { type: 'string' },
  });
  if (parsed.values.help) {
    writeOut(commandHelp('lint'));
    return 0;
  }
  const { cwd } = context;
  const format = choiceOption('lint', parsed, 'format', FORMATS, 'text');
  const maxWarnings = integerOption('lint', parsed, 'max-warnings', 0);
  const jobs = integerOption('lint', parsed, 'jobs', 1) ?? availableParallelism();
  const quiet = parsed.values.quiet === true;
  const fix = parsed.values.fix === true;
  const schemaValue = stringOption(parsed, 'schema');
  const forcedSchema = schemaValue === undefined ? undefined : resolveExplicitSchema(schemaValue, cwd, new Engine(diskSchemaHost()));

  const roots = new WorkspaceRoots(cwd);
  const selection = selectFiles(parsed.positionals, cwd, roots);
  for (const problem of roots.settingsProblems) writeErr(`tradecraft: ${problem}.\n`);
  if (selection.missing.length > 0) {
    throw new UsageError(`No such file, folder or matching glob: ${selection.missing.map((input) => `“${input}”`).join(', ')}.`);
  }
  for (const input of selection.empty) writeErr(`tradecraft: no assessments found in “${input}” (*.assessment.md, Markdown with a schema: front-matter key, or the tradecraft.files globs).\n`);

  // Unreadable input means exit 2 with nothing written: with --fix, no file is fixed unless every
  // file can be read (the report still shows what would be found).
  const unreadable = fix ? selection.tasks.flatMap((task) => {
    const read = readDocument(task.absolutePath);
    return read.ok ? [] : [task.displayPath];
  }) : [];
  if (unreadable.length > 0) writeErr(`tradecraft: nothing was fixed, because ${unreadable.length === 1 ? 'a file' : `${unreadable.length} files`} could not be read: ${unreadable.map((file) => `“${file}”`).join(', ')}.\n`);

  const color = format === 'text' && stdoutWantsColor();
  const shown = (report: FileReport): FileReport => (quiet ? { ...report, findings: report.findings.filter((finding) => finding.severity === 'error') } : report);
  const allReports = await lintFiles(selection.tasks, { cwd, forcedSchema, fix: fix && unreadable.length === 0 }, jobs, context.workerEntry, (report) => {
    if (format === 'text') writeOut(formatTextFile(shown(report), color));
  });
  const reports = allReports.map(shown);
  // --quiet hides warnings from the report, not from the --max-warnings gate.
  const warnings = summarize(allReports).warnings;

  const summary = summarize(reports);
  if (format === 'json') writeOut(formatJson(reports, summary));
  else if (format === 'sarif') writeOut(formatSarif(reports, packageVersion(), cwd));
  else {
    const fixedFiles = reports.filter((report) => report.fixesApplied > 0);
    const fixed = fix ? { fixes: fixedFiles.reduce((total, report) => total + report.fixesApplied, 0), files: fixedFiles.length } : undefined;
    writeOut(formatTextSummary(summary, fixed, color));
  }

  // An unreadable file is unreadable input (exit 2), though it is reported with the other files.
  const unread = reports.filter((report) => report.unreadable);
  for (const report of unread) writeErr(`tradecraft: ${report.findings[0]?.message ?? `cannot read “${report.path}”.`}\n`);
  if (unread.length > 0) return 2;
  if (summary.errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    writeErr(`tradecraft: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}.\n`);
    return 1;
  }
  return 0;
}
