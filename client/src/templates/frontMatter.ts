/** The front matter a command writes to declare an assessment's schema. */
import * as path from 'node:path';
import { BUILTIN_PREFIX } from '../../../server/src/core/schema/load.js';

/** What a document's front matter says to name the schema: `builtin:NAME`, or a path relative to the document. */
export function frontMatterReference(reference: string, documentPath: string | undefined): string {
  if (reference.startsWith(BUILTIN_PREFIX) || documentPath === undefined) return reference;
  const relative = path.relative(path.dirname(documentPath), reference).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** The front-matter block that declares the schema (which also makes any Markdown file an assessment). */
export function frontMatter(reference: string): string {
  // Plain when safe; otherwise quoted, so paths with spaces, `#` or quotes stay one YAML string.
  const value = /^[\w./@:-]+$/.test(reference) ? reference : JSON.stringify(reference);
  return `---\nschema: ${value}\n---\n\n`;
}
