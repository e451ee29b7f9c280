/** Command-line parsing: node's strict parseArgs, with its errors turned into usage errors and option values checked. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usageError.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseCommandArgs(command: string, args: readonly string[], options: Options): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (error) {
    // Node's messages carry advice about `--` that does not help here; keep the first sentence.
    const message = (error as Error).message.split(/\.\s/)[0]!.replace(/\.$/, '');
    throw new UsageError(`${message}.`, command);
  }
}

export function stringOption(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function choiceOption<T extends string>(command: string, parsed: ParsedArgs, name: string, choices: readonly T[], fallback: T): T {
  const value = stringOption(parsed, name);
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`Invalid value for --${name}: “${value}” (expected ${choices.join(', ')}).`, command);
  }
  return value as T;
}

export function integerOption(command: string, parsed: ParsedArgs, name: string, minimum: number): number | undefined {
  const value = stringOption(parsed, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < minimum || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`Invalid value for --${name}: “${value}” (expected a whole number ≥ ${minimum}).`, command);
  }
  return Number(value);
}
