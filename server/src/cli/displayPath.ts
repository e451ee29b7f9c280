/** How paths appear in reports: relative to the current folder, with `/` on every platform. */
import * as path from 'node:path';
import { BUILTIN_PREFIX, DEFAULT_BUILTIN, type CheckResult } from '../core/index.js';

export function relativeDisplayPath(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}

/** `builtin:standard`, or the schema file relative to the current folder. */
export function schemaLabel(reference: string, cwd: string): string {
  return reference.startsWith(BUILTIN_PREFIX) ? reference : relativeDisplayPath(reference, cwd);
}

/** The schema a check actually used: the built-in one when the intended schema could not be loaded. */
export function schemaUsedLabel(result: CheckResult, cwd: string): string {
  return schemaLabel(result.schemaProblems.length > 0 ? BUILTIN_PREFIX + DEFAULT_BUILTIN : result.schemaReference.reference, cwd);
}
