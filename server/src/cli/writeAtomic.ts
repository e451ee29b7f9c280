/**
 * Writing a fixed document so that no reader ever sees half a file: write a temp file in the same
 * folder (same file system, so the rename is atomic), flush it, give it the original's mode and
 * rename it over the original.
 */
import { closeSync, constants, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, accessSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

export class ReadOnlyFileError extends Error {
  constructor(filePath: string) {
    super(`${filePath} is read-only`);
    this.name = 'ReadOnlyFileError';
  }
}

/**
 * @param mode the original file's mode (from `stat`), kept on the new file
 * @throws ReadOnlyFileError when the file is marked read-only; the rename would otherwise replace
 *   it (renaming needs only the folder to be writable, and root may write anything)
 */
export function writeFileAtomic(filePath: string, text: string, mode: number): void {
  const permissions = mode & 0o7777;
  if ((permissions & 0o222) === 0) throw new ReadOnlyFileError(filePath);
  accessSync(filePath, constants.W_OK);
  // Write through a symlink to its target rather than replacing the link with a file.
  const target = realpathSync(filePath);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tradecraft-tmp`);
  const fd = openSync(temp, 'wx', permissions);
  try {
    try {
      const bytes = Buffer.from(text, 'utf8');
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
      fchmodSync(fd, permissions); // the umask may have narrowed the mode given to open
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
