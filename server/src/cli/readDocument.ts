/**
 * Reading a document from disk as the exact text the engine sees. Decoding is strict UTF-8 with
 * the BOM kept, so a fixed file differs from the original only where the fixes edited it.
 */
import { readFileSync, statSync } from 'node:fs';

export type DocumentRead =
  | { ok: true; text: string; mode: number }
  | { ok: false; reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function readDocument(filePath: string): DocumentRead {
  let bytes: Buffer;
  let mode: number;
  try {
    mode = statSync(filePath).mode;
    bytes = readFileSync(filePath);
  } catch (error) {
    return { ok: false, reason: describeIoError(error) };
  }
  return decodeDocument(bytes, mode);
}

export function decodeDocument(bytes: Uint8Array, mode: number): DocumentRead {
  // A NUL byte is valid UTF-8 but never appears in a text document; it marks a binary file.
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, reason: `the file is binary (a NUL byte at offset ${nul}), not Markdown text` };
  try {
    return { ok: true, text: decoder.decode(bytes), mode };
  } catch {
    return { ok: false, reason: 'the file is not valid UTF-8 text' };
  }
}

export function describeIoError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    default:
      return message;
  }
}
