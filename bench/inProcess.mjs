/**
 * The in-process measures, run in a child process of their own (fresh heap, `--expose-gc`, a heap
 * large enough for a 4 MB syntax tree): B1, the keystroke path measured without the server (for
 * comparison with B3), and, with `--profile`, CPU profiles of both.
 *
 * Usage: node bench/inProcess.mjs '<json options>' — prints one JSON result on stdout.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { builtinSchema, IncrementalParser, lintChanges, lintParsed, parseMarkdown } from '../out/server/src/core/index.js';
import { keystrokeOffsets, keystrokes } from './edits.mjs';
import { hostileGrowth } from './hostile.mjs';
import { interleaved, leastSquares, median, round, timeOnce } from './measure.mjs';
import { profileCall, summarizeProfile } from './profile.mjs';

const MB = 1024 * 1024;

/**
 * @typedef {{ quick: boolean, files: Record<string, string>, singleFile: boolean, keystrokes: boolean, profileDir?: string }} Options
 *   files: the 100kb, 1mb and 4mb documents and the corpus document; singleFile: B1; keystrokes: the keystroke path;
 *   hostile: growth on hostile shapes (bench/hostile.mjs)
 */
const options = /** @type {Options & { hostile?: boolean }} */ (JSON.parse(process.argv[2] ?? '{}'));
const schema = builtinSchema();
/**
 * A copy of the schema for each full lint: the core keeps per-schema caches (actor matches by line
 * text) that would make linting the same text again several times cheaper than a first lint is.
 */
const coldSchema = () => ({ ...schema });
const bareRemark = unified().use(remarkParse);

const result = {};
if (options.singleFile) result.singleFile = singleFile();
if (options.keystrokes) result.keystroke = keystroke();
if (options.hostile) result.hostile = hostileGrowth({ quick: options.quick, schema });
if (options.profileDir) result.profiles = await profiles(options.profileDir);
process.stdout.write(JSON.stringify(result));

/**
 * B1: full lint against a bare remark-parse parse of the same text, at each size (remark-parse
 * alone takes minutes at 4 MB, so quick mode compares at 100 KB and 1 MB only); then growth: the
 * lint alone at the three sizes, round-robin, so that a change in the machine's load between
 * sizes does not pass for a change in cost.
 */
function singleFile() {
  const plan = options.quick
    ? { '100kb': { warmup: 2, runs: 5 }, '1mb': { warmup: 0, runs: 1 } }
    : { '100kb': { warmup: 3, runs: 15 }, '1mb': { warmup: 1, runs: 5 }, '4mb': { warmup: 0, runs: 1 } };
  const texts = Object.fromEntries(['100kb', '1mb', '4mb'].map((name) => [name, readFileSync(options.files[name], 'utf8')]));
  const sizes = {};
  for (const [name, repetitions] of Object.entries(plan)) {
    const text = texts[name];
    const parts = { parse: [], model: [] };
    const times = interleaved(
      {
        remark: () => bareRemark.parse(text),
        tradecraft: () => {
          // The same work as lintText, timed in its two halves.
          let parsed;
          parts.parse.push(timeOnce(() => (parsed = parseMarkdown(text))));
          parts.model.push(timeOnce(() => lintParsed(parsed, { schema: coldSchema() })));
        },
      },
      repetitions,
    );
    const remarkMs = median(times.remark);
    const tradecraftMs = median(times.tradecraft);
    sizes[name] = {
      bytes: Buffer.byteLength(text),
      runs: repetitions.runs,
      remarkMs: round(remarkMs, 1),
      tradecraftMs: round(tradecraftMs, 1),
      ratio: round(tradecraftMs / remarkMs, 3),
      // parseMarkdown (remark + GFM + front matter + line view) and lintParsed (model + rules).
      parseMs: round(median(parts.parse.slice(repetitions.warmup)), 1),
      modelAndRulesMs: round(median(parts.model.slice(repetitions.warmup)), 1),
      remarkMsPerMB: round(remarkMs / (Buffer.byteLength(text) / MB), 1),
    };
  }
  return { sizes, ratio: sizes['1mb'].ratio, ...growth(texts, sizes) };
}

/**
 * Growth: the marginal cost per MB from 1 to 4 MB over that from 100 KB to 1 MB (1 is linear
 * growth; a fixed cost per lint does not count, as it would in time per MB), and a least-squares
 * line through the three sizes. remark-parse's growth beside it, where it was measured.
 */
function growth(texts, sizes) {
  const lint = (text) => () => lintParsed(parseMarkdown(text), { schema: coldSchema() });
  const times = interleaved(
    { '100kb': lint(texts['100kb']), '1mb': lint(texts['1mb']), '4mb': lint(texts['4mb']) },
    options.quick ? { warmup: 0, runs: 2 } : { warmup: 1, runs: 5 },
  );
  const points = Object.entries(times).map(([name, ms]) => ({ name, mb: Buffer.byteLength(texts[name]) / MB, ms: median(ms) }));
  const fit = leastSquares(points.map(({ mb, ms }) => [mb, ms]));
  const remark = Object.entries(sizes).map(([name, size]) => ({ name, mb: size.bytes / MB, ms: size.remarkMs }));
  return {
    slope: round(marginalGrowth(points), 2),
    msPerMB: Object.fromEntries(points.map(({ name, mb, ms }) => [name, round(ms / mb, 1)])),
    lintMs: Object.fromEntries(points.map(({ name, ms }) => [name, round(ms, 1)])),
    fit: { msPerMB: round(fit.slope, 1), interceptMs: round(fit.intercept, 1), r2: round(fit.r2, 4) },
    // With two sizes only (quick mode), the time per MB at 1 MB over that at 100 KB.
    remarkSlope: round(remark.length === 3 ? marginalGrowth(remark) : remark[1].ms / remark[1].mb / (remark[0].ms / remark[0].mb), 2),
  };
}

/** Marginal ms per MB between the second and third size over that between the first and second. */
function marginalGrowth([small, middle, large]) {
  return (large.ms - middle.ms) / (large.mb - middle.mb) / ((middle.ms - small.ms) / (middle.mb - small.mb));
}

/**
 * The keystroke path without the server: an incremental re-parse and a lint, against a full parse
 * and a lint, in the 1 MB document; and keystrokes in the corpus document.
 */
function keystroke() {
  const text = readFileSync(options.files['1mb'], 'utf8');
  const large = typeInto(text, options.quick ? 2 : 5);
  const full = [];
  for (let run = 0; run < (options.quick ? 1 : 3); run++) full.push(timeOnce(() => lintParsed(parseMarkdown(text), { schema: coldSchema() })));
  const fullMs = median(full);
  const corpus = readFileSync(options.files.corpus, 'utf8');
  typeInto(corpus, 10);
  return {
    large: { ...large, fullMs: round(fullMs, 1), ratio: round(large.keystrokeMs / fullMs, 3) },
    corpus: (({ keystrokeMs, carriedOver }) => ({ medianMs: keystrokeMs, carriedOver, bytes: Buffer.byteLength(corpus) }))(typeInto(corpus, options.quick ? 10 : 30)),
  };
}

/**
 * Median milliseconds of keystrokes (type, then delete, at `places` places) as the server takes
 * them: carried over when the edit only moves text (see core/edit.ts), else checked in full with
 * the document's incremental parser. The full check of every keystroke's text is measured too,
 * for what an edit that cannot be carried over costs.
 */
function typeInto(text, places) {
  const parser = new IncrementalParser({ keepDerived: true });
  // As the server does on open: the first check fills the parser's and the schema's caches.
  let previous = lintParsed(parser.parse(text), { schema });
  const taken = [];
  const parse = [];
  const model = [];
  let carried = 0;
  for (const edit of keystrokes(text, keystrokeOffsets(text, places))) {
    let moved;
    const carryMs = timeOnce(() => (moved = lintChanges(previous, [edit.change], edit.text, { schema, parser })));
    let parsed;
    let checked;
    parse.push(timeOnce(() => (parsed = parser.parse(edit.text))));
    model.push(timeOnce(() => (checked = lintParsed(parsed, { schema }))));
    taken.push(moved ? carryMs : carryMs + parse.at(-1) + model.at(-1));
    if (moved) carried++;
    previous = moved ?? checked;
  }
  return {
    keystrokeMs: round(median(taken), 2),
    carriedOver: `${carried} of ${taken.length}`,
    fullCheckMs: round(median(parse.map((ms, index) => ms + model[index])), 2),
    parseMs: round(median(parse), 2),
    modelAndRulesMs: round(median(model), 2),
  };
}

/** Where the time goes: the full lint of the 1 MB document, keystrokes in it, and keystrokes in the corpus document. */
async function profiles(folder) {
  const text = readFileSync(options.files['1mb'], 'utf8');
  const fullLint = summarizeProfile(await profileCall(() => lintParsed(parseMarkdown(text), { schema: coldSchema() }), path.join(folder, 'full-lint-1mb.cpuprofile')));
  return {
    fullLint,
    keystroke: await profileKeystrokes(text, 2, path.join(folder, 'keystrokes-1mb.cpuprofile')),
    corpusKeystroke: await profileKeystrokes(readFileSync(options.files.corpus, 'utf8'), 50, path.join(folder, 'keystrokes-corpus.cpuprofile')),
  };
}

async function profileKeystrokes(text, places, file) {
  const parser = new IncrementalParser({ keepDerived: true });
  let previous = lintParsed(parser.parse(text), { schema });
  const edits = [...keystrokes(text, keystrokeOffsets(text, places))];
  // As the server takes them: carried over where the edit allows, else checked in full.
  const summary = summarizeProfile(
    await profileCall(() => {
      for (const edit of edits) previous = lintChanges(previous, [edit.change], edit.text, { schema, parser }) ?? lintParsed(parser.parse(edit.text), { schema });
    }, file),
  );
  return { ...summary, keystrokes: edits.length };
}
