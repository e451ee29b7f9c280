/** Dispatching the command line to a command, and turning failures into exit codes: 2 for usage, never a stack trace for a user's mistake. */
import type { CommandContext } from './commandContext.js';
import { commandHelp, generalHelp, isCommandName } from './help.js';
import { initCommand } from './initCommand.js';
import { lintCommand } from './lintCommand.js';
import { outlineCommand } from './outlineCommand.js';
import { writeErr, writeOut } from './output.js';
import { schemaCommand } from './schemaCommand.js';
import { UsageError } from './usageError.js';
import { packageVersion } from './version.js';

export async function runCli(argv: readonly string[], context: CommandContext): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) {
      writeErr(generalHelp());
      return 2;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      const topic = rest[0];
      writeOut(topic !== undefined && isCommandName(topic) ? commandHelp(topic) : generalHelp());
      return 0;
    }
    if (first === '--version' || first === '-v') {
      writeOut(`${packageVersion()}\n`);
      return 0;
    }
    switch (first) {
      case 'lint':
        return await lintCommand(rest, context);
      case 'outline':
        return outlineCommand(rest, context);
      case 'schema':
        return schemaCommand(rest);
      case 'init':
        return initCommand(rest, context);
      default:
        throw new UsageError(first.startsWith('-') ? `Unknown option “${first}”.` : `Unknown command “${first}”.`, '');
    }
  } catch (error) {
    if (!(error instanceof UsageError)) {
      // A bug, not the user's mistake: say so, with what is needed to report it.
      writeErr(`tradecraft: internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      return 2;
    }
    const help = error.helpCommand === undefined ? '' : `\nRun \`tradecraft ${error.helpCommand ? `${error.helpCommand} ` : ''}--help\` for usage.`;
    writeErr(`tradecraft: ${error.message}${help}\n`);
    return 2;
  }
}
