/** `tradecraft outline FILE`: the model the engine extracts, as CLI.md's JSON or a text tree. */
import * as path from 'node:path';
import { statSync } from 'node:fs';
import { Engine, toOutline } from '../core/index.js';
import { choiceOption, parseCommandArgs, stringOption } from './args.js';
import type { CommandContext } from './commandContext.js';
import { diskSchemaHost } from './diskSchemaHost.js';
import { schemaUsedLabel } from './displayPath.js';
import { resolveExplicitSchema } from './explicitSchema.js';
import { formatOutlineText } from './formats/outlineText.js';
import { commandHelp } from './help.js';
import { writeErr, writeOut } from './output.js';
import { readDocument } from './readDocument.js';
import { UsageError } from './usageError.js';
import { WorkspaceRoots } from './workspaceRoot.js';

const FORMATS = ['json', 'text'] as const;

export function outlineCommand(args: readonly string[], context: CommandContext): number {
  const parsed = parseCommandArgs('outline', args, { format: { type: 'string' }, schema: { type: 'string' } });
  if (parsed.values.help) {
    writeOut(commandHelp('outline'));
    return 0;
  }
  const format = choiceOption('outline', parsed, 'format', FORMATS, 'json');
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new UsageError('outline needs a FILE.', 'outline');
  if (extra.length > 0) throw new UsageError(`outline takes one FILE; unexpected: ${extra.join(' ')}.`, 'outline');

  const { cwd } = context;
  const engine = new Engine(diskSchemaHost());
  const schemaValue = stringOption(parsed, 'schema');
  const forcedSchema = schemaValue === undefined ? undefined : resolveExplicitSchema(schemaValue, cwd, engine);
  const documentPath = path.resolve(cwd, file);
  if (!statSync(documentPath, { throwIfNoEntry: false })) throw new UsageError(`No such file: “${file}”.`);
  const document = readDocument(documentPath);
  if (!document.ok) throw new UsageError(`Cannot read “${file}”: ${document.reason}.`);

  const roots = new WorkspaceRoots(cwd);
  const workspaceRoot = roots.rootOf(documentPath);
  const settings = roots.settingsOf(workspaceRoot);
  for (const problem of roots.settingsProblems) writeErr(`tradecraft: ${problem}.\n`);
  const result = engine.check({ text: document.text, documentPath, workspaceRoot, forcedSchema, schemaSettings: settings.schemas, yardstick: settings.yardstick });
  const outline = toOutline(result.model, result.parsed.source, file, schemaUsedLabel(result, cwd));
  writeOut(format === 'json' ? `${JSON.stringify(outline, null, 2)}\n` : formatOutlineText(outline));
  return 0;
}
