/**
 * The measures taken through the real language server over stdio, with `validate.debounceMs: 0`:
 * B3 and B4 (a keystroke until its diagnostics are published) and B5 (peak memory with the batch
 * indexed for workspace diagnostics).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { keystrokeOffsets, keystrokes, structureOffsets, typing } from './edits.mjs';
import { BenchClient } from './lspClient.mjs';
import { median, round } from './measure.mjs';

const KEYSTROKE_SETTINGS = { validate: { run: 'onType', debounceMs: 0 }, files: ['us-01-oman-talks.md'] };

/**
 * B3: keystrokes in the 1 MB document against full validations of fresh copies of it (each copy is
 * opened, so the server checks it from scratch with a new parser). B4: keystrokes in the corpus document.
 * @param {{ serverPath: string, largeFile: string, corpusFile: string, quick: boolean }} options
 */
export async function keystrokesThroughServer({ serverPath, largeFile, corpusFile, quick }) {
  const client = await BenchClient.start({ serverPath, settings: KEYSTROKE_SETTINGS });
  try {
    return { large: await largeDocument(client, largeFile, quick), corpus: await corpusDocument(client, corpusFile, quick) };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nServer log:\n${client.log.slice(-4000)}`);
  } finally {
    await client.stop();
  }
}

async function largeDocument(client, file, quick) {
  const text = readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).href;
  // The first check compiles the server's code paths: timed, not counted.
  const firstOpenMs = await client.open(uri, text);
  const places = quick ? 3 : 7;
  const [warmup, ...edits] = [...keystrokes(text, keystrokeOffsets(text, places + 1))].reduce(pairs, []);
  for (const edit of warmup) await client.change(uri, edit);
  const keystrokeMs = [];
  const fullMs = [];
  for (const [index, pair] of edits.entries()) {
    // Full validations interleaved with the keystrokes, so both see the same machine.
    const copy = uri.replace(/\.assessment\.md$/, `.copy-${index}.assessment.md`);
    fullMs.push(await client.open(copy, text));
    await client.close(copy);
    for (const edit of pair) keystrokeMs.push(await client.change(uri, edit));
  }
  // Keystrokes the server checks in full (in judgments and fields), for what they cost beside B3.
  const structureMs = [];
  for (const edit of keystrokes(text, structureOffsets(text, quick ? 3 : 7))) structureMs.push(await client.change(uri, edit));
  const incremental = median(keystrokeMs);
  const full = median(fullMs);
  return {
    structureLines: { keystrokeMs: round(median(structureMs), 1), ratio: round(median(structureMs) / full, 3), keystrokes: structureMs.length },
    ratio: round(incremental / full, 3),
    keystrokeMs: round(incremental, 1),
    fullValidationMs: round(full, 1),
    keystrokes: keystrokeMs.length,
    fullValidations: fullMs.length,
    firstOpenMs: round(firstOpenMs, 1),
    raw: { keystrokeMs: keystrokeMs.map((ms) => round(ms, 1)), fullValidationMs: fullMs.map((ms) => round(ms, 1)) },
  };
}

async function corpusDocument(client, file, quick) {
  const text = readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).href;
  const openMs = await client.open(uri, text);
  const places = quick ? 10 : 30;
  const all = [...keystrokes(text, keystrokeOffsets(text, places))];
  // One pass to warm up, one measured.
  for (const edit of all) await client.change(uri, edit);
  const keystrokeMs = [];
  for (const edit of all) keystrokeMs.push(await client.change(uri, edit));
  await client.close(uri);
  return {
    medianMs: round(median(keystrokeMs), 2),
    keystrokes: keystrokeMs.length,
    bytes: Buffer.byteLength(text),
    openMs: round(openMs, 1),
    raw: { keystrokeMs: keystrokeMs.map((ms) => round(ms, 2)) },
  };
}

/** Groups the keystroke sequence into (type, delete) pairs. */
function pairs(groups, edit, index) {
  if (index % 2 === 0) groups.push([edit]);
  else groups[groups.length - 1].push(edit);
  return groups;
}

/**
 * B5: a server with the batch folder as its workspace, until every file's diagnostics are
 * published; then the server process's peak RSS.
 * @param {{ serverPath: string, batchFolder: string, fileCount: number, timeoutMs: number }} options
 */
export async function workspaceMemory({ serverPath, batchFolder, fileCount, timeoutMs }) {
  let resolveAll;
  const allPublished = new Promise((resolve) => (resolveAll = resolve));
  const seen = new Set();
  const start = performance.now();
  const onPublish = ({ uri }) => {
    seen.add(uri);
    if (seen.size === fileCount) resolveAll();
  };
  const client = await BenchClient.start({ serverPath, settings: { validate: { debounceMs: 0 } }, folders: [batchFolder], onPublish });
  let timer;
  const timedOut = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`B5: diagnostics for ${seen.size} of ${fileCount} files after ${timeoutMs / 1000} s.\nServer log:\n${client.log.slice(-4000)}`)), timeoutMs);
  });
  try {
    await Promise.race([allPublished, timedOut]);
    const indexedMs = performance.now() - start;
    const memory = client.memory();
    return { peakRssMB: round(memory.peakRssMB, 1), rssMB: round(memory.rssMB, 1), files: fileCount, indexedMs: round(indexedMs, 0) };
  } finally {
    clearTimeout(timer);
    await client.stop();
  }
}

const WARM_UP_WORDS = 2;
const TYPED_PER_WORD = 20;

/**
 * Memory while typing: the server's resident set before and after typing `keystrokes` characters
 * into the 1 MB document (a few words at places spread over it), against what keeping one copy of
 * the document per keystroke would add. Caches kept across edits must not keep old versions alive.
 * @param {{ serverPath: string, largeFile: string, quick: boolean }} options
 */
export async function typingMemory({ serverPath, largeFile, quick }) {
  const client = await BenchClient.start({ serverPath, settings: KEYSTROKE_SETTINGS });
  try {
    const text = readFileSync(largeFile, 'utf8');
    const uri = pathToFileURL(largeFile).href;
    await client.open(uri, text);
    const offsets = keystrokeOffsets(text, (quick ? 5 : 10) + WARM_UP_WORDS);
    // The first words compile the keystroke path, fill the caches and let the heap reach its working size: not counted.
    for (const edit of typing(text, offsets.slice(0, WARM_UP_WORDS), TYPED_PER_WORD)) await client.change(uri, edit);
    const before = client.memory();
    let keystrokes = 0;
    for (const edit of typing(text, offsets.slice(WARM_UP_WORDS), TYPED_PER_WORD)) {
      await client.change(uri, edit);
      keystrokes++;
    }
    const after = client.memory();
    // Two bytes a character when the text holds any character beyond Latin-1, as it does here.
    const copyMB = (text.length * (/[^\u0000-\u00ff]/.test(text) ? 2 : 1)) / (1024 * 1024);
    return {
      keystrokes,
      rssBeforeMB: round(before.rssMB, 1),
      rssAfterMB: round(after.rssMB, 1),
      growthMB: round(after.rssMB - before.rssMB, 1),
      copyPerKeystrokeMB: round(copyMB * keystrokes, 1),
    };
  } finally {
    await client.stop();
  }
}
