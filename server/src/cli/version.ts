/** The package version, read once from the package.json above this module (dist/ in the bundle, out/… under tests). */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageVersion(): string {
  if (cached === undefined) cached = findVersion(path.dirname(fileURLToPath(import.meta.url)));
  return cached;
}

function findVersion(startDir: string): string {
  for (let dir = startDir; ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'tradecraft' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // No (readable) manifest here; keep walking up.
    }
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}
