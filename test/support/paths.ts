/** Paths tests share: the project root, fixtures, and the shared corpus outside the project. */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

// Compiled tests live in out/test/…; the project root is two levels above out/test.
const here = path.dirname(fileURLToPath(import.meta.url));
export const projectRoot = path.resolve(here, '..', '..', '..');
export const fixturesDir = path.join(projectRoot, 'test', 'fixtures');
export const corpusDir = path.resolve(projectRoot, '..', 'shared', 'corpus');
export const corpusDocument = path.join(corpusDir, 'us-01-oman-talks.md');
