/** The engine's view of the disk: schema files read once per run (a lint run never edits them). */
import { readFileSync } from 'node:fs';
import type { SchemaHost } from '../core/index.js';

export function diskSchemaHost(): SchemaHost {
  const texts = new Map<string, string | undefined>();
  return {
    readFile(filePath: string): string | undefined {
      if (!texts.has(filePath)) {
        let text: string | undefined;
        try {
          text = readFileSync(filePath, 'utf8');
        } catch {
          text = undefined;
        }
        texts.set(filePath, text);
      }
      return texts.get(filePath);
    },
  };
}
