/** `tradecraft schema`: print a built-in schema (YAML) or the JSON Schema that schema files follow. */
import schemaFileSchema from '../../../schemas/tradecraft.schema.json' with { type: 'json' };
import { BUILTIN_PREFIX, BUILTIN_SCHEMAS, DEFAULT_BUILTIN } from '../core/index.js';
import { parseCommandArgs, stringOption } from './args.js';
import { commandHelp } from './help.js';
import { writeOut } from './output.js';
import { UsageError } from './usageError.js';

export function schemaCommand(args: readonly string[]): number {
  const parsed = parseCommandArgs('schema', args, { print: { type: 'string' }, 'json-schema': { type: 'boolean' } });
  if (parsed.values.help) {
    writeOut(commandHelp('schema'));
    return 0;
  }
  if (parsed.positionals.length > 0) throw new UsageError(`schema takes no arguments; unexpected: ${parsed.positionals.join(' ')}.`, 'schema');
  const printName = stringOption(parsed, 'print');
  if (parsed.values['json-schema'] === true) {
    if (printName !== undefined) throw new UsageError('Use either --print or --json-schema, not both.', 'schema');
    writeOut(`${JSON.stringify(schemaFileSchema, null, 2)}\n`);
    return 0;
  }
  const name = (printName ?? DEFAULT_BUILTIN).replace(BUILTIN_PREFIX, '');
  const text = Object.hasOwn(BUILTIN_SCHEMAS, name) ? BUILTIN_SCHEMAS[name] : undefined;
  if (text === undefined) {
    const known = Object.keys(BUILTIN_SCHEMAS).join(', ');
    throw new UsageError(`Unknown built-in schema “${printName}” (known: ${known}).`, 'schema');
  }
  writeOut(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}
