/**
 * `--schema PATH|NAME`: a schema file (relative to the current folder) or a built-in schema
 * (`standard`, `builtin:standard`). It is loaded up front, so an unusable one stops the command
 * before any file is read or written.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { BUILTIN_PREFIX, BUILTIN_SCHEMAS, type Engine } from '../core/index.js';
import { relativeDisplayPath } from './displayPath.js';
import { UsageError } from './usageError.js';

/** @returns `builtin:NAME` or an absolute path, as the engine's `forcedSchema` expects */
export function resolveExplicitSchema(value: string, cwd: string, engine: Engine): string {
  const reference = toReference(value.trim(), cwd);
  const loaded = engine.loadSchema(reference);
  if (!loaded.ok) {
    const problems = loaded.problems.map((problem) => {
      // A position only means something inside a file that exists.
      if (problem.file.startsWith(BUILTIN_PREFIX) || !existsSync(problem.file)) return `  ${problem.message}`;
      const { line, character } = problem.range.start;
      return `  ${relativeDisplayPath(problem.file, cwd)}:${line + 1}:${character + 1}: ${problem.message}`;
    });
    throw new UsageError(`The schema given with --schema cannot be used:\n${problems.join('\n')}`);
  }
  return reference;
}

function toReference(value: string, cwd: string): string {
  if (value.startsWith(BUILTIN_PREFIX)) return value;
  const file = path.resolve(cwd, value);
  // A bare built-in name, unless a file of that name sits in the current folder.
  if (!existsSync(file) && Object.hasOwn(BUILTIN_SCHEMAS, value)) return BUILTIN_PREFIX + value;
  return file;
}
