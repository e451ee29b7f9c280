/** `tradecraft init [FOLDER]`: a starter schema and an example assessment, never over existing files. */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseCommandArgs } from './args.js';
import type { CommandContext } from './commandContext.js';
import { relativeDisplayPath } from './displayPath.js';
import { commandHelp } from './help.js';
import { EXAMPLE_FILE, EXAMPLE_TEMPLATE, SCHEMA_FILE, SCHEMA_TEMPLATE } from './initTemplates.js';
import { writeOut } from './output.js';
import { UsageError } from './usageError.js';

export function initCommand(args: readonly string[], context: CommandContext): number {
  const parsed = parseCommandArgs('init', args, {});
  if (parsed.values.help) {
    writeOut(commandHelp('init'));
    return 0;
  }
  const [folder = '.', ...extra] = parsed.positionals;
  if (extra.length > 0) throw new UsageError(`init takes one FOLDER; unexpected: ${extra.join(' ')}.`, 'init');
  const target = path.resolve(context.cwd, folder);
  const files = [
    { path: path.join(target, SCHEMA_FILE), text: SCHEMA_TEMPLATE },
    { path: path.join(target, EXAMPLE_FILE), text: EXAMPLE_TEMPLATE },
  ];
  const existing = files.filter((file) => existsSync(file.path)).map((file) => relativeDisplayPath(file.path, context.cwd));
  if (existing.length > 0) throw new UsageError(`${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written.`);

  mkdirSync(target, { recursive: true });
  const written: string[] = [];
  try {
    // 'wx' fails if a file appeared since the check; then undo, so init writes both files or none.
    for (const file of files) {
      writeFileSync(file.path, file.text, { flag: 'wx' });
      written.push(file.path);
    }
  } catch (error) {
    for (const file of written) rmSync(file, { force: true });
    throw new UsageError(`Could not write ${path.basename(files[written.length]?.path ?? '')}: ${(error as Error).message}; nothing was written.`);
  }
  for (const file of written) writeOut(`Created ${relativeDisplayPath(file, context.cwd)}\n`);
  writeOut(`Next: edit ${SCHEMA_FILE}, then run \`npx tradecraft lint ${relativeDisplayPath(target, context.cwd)}\`.\n`);
  return 0;
}
