/**
 * Writes the bench's inputs into bench/inputs/ (gitignored): three large assessments and a batch of
 * typical ones. Everything comes from fixed seeds, so every run and every machine lints the same bytes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateAssessment } from './assessment.mjs';
import { Random } from './random.mjs';

const KB = 1024;
const MB = 1024 * KB;

/** The large documents B1 measures (and B3 edits, at 1 MB). */
export const LARGE_SIZES = [
  { name: '100kb', bytes: 100 * KB },
  { name: '1mb', bytes: 1 * MB },
  { name: '4mb', bytes: 4 * MB },
];

export const BATCH_SIZE = 1000;
const BATCH_MIN_BYTES = 5 * KB;
const BATCH_MAX_BYTES = 10 * KB;

/**
 * @param {string} folder bench/inputs
 * @returns {{ large: Record<string, string>, batchFolder: string, batchFiles: string[] }} absolute paths
 */
export function writeInputs(folder) {
  mkdirSync(folder, { recursive: true });
  const large = {};
  for (const [index, size] of LARGE_SIZES.entries()) {
    const file = path.join(folder, `large-${size.name}.assessment.md`);
    writeFileSync(file, generateAssessment(new Random(1000 + index), { targetBytes: size.bytes }));
    large[size.name] = file;
  }
  const batchFolder = path.join(folder, 'batch');
  rmSync(batchFolder, { recursive: true, force: true });
  mkdirSync(batchFolder);
  const random = new Random(20260206);
  const batchFiles = [];
  for (let number = 1; number <= BATCH_SIZE; number++) {
    const file = path.join(batchFolder, `${String(number).padStart(4, '0')}.assessment.md`);
    writeFileSync(file, typicalAssessment(random));
    batchFiles.push(file);
  }
  return { large, batchFolder, batchFiles };
}

/** A typical assessment: sizes land only near the target, so draw again until one is 5–10 KB. */
function typicalAssessment(random) {
  for (;;) {
    const targetBytes = random.int(BATCH_MIN_BYTES, BATCH_MAX_BYTES);
    const text = generateAssessment(new Random(random.int(1, 2 ** 31)), { targetBytes, agentNumber: random.int(1, 40) });
    const bytes = Buffer.byteLength(text);
    if (bytes >= BATCH_MIN_BYTES && bytes <= BATCH_MAX_BYTES) return text;
  }
}
