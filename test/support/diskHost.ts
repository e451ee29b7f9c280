/** A schema host reading from disk, for tests that lint real files. */
import { readFileSync } from 'node:fs';
import type { SchemaHost } from '../../server/src/core/index.js';

export const diskHost: SchemaHost = {
  readFile(filePath) {
    try {
      return readFileSync(filePath, 'utf8');
    } catch {
      return undefined;
    }
  },
};
