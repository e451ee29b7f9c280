/**
 * CPU profiles of exactly the code under test (the inspector's profiler started and stopped around
 * it, not the whole process), and a summary of where the time goes: self time per function, and
 * per package or core module, so the hot spots can be named precisely.
 */
import { Session } from 'node:inspector/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Profiles `fn` (sampling every 100 µs) and writes the `.cpuprofile` file (open it in Chrome DevTools
 * or VS Code). @returns the profile
 */
export async function profileCall(fn, file) {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    fn();
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    return profile;
  } finally {
    session.disconnect();
  }
}

const calls = (name, file) => (stack) => stack.some((frame) => frame.functionName === name && (!file || frame.url.includes(file)));

/**
 * The stages of a lint, each sample going to the first stage whose test its call stack passes
 * (so nested stages come first). Names are the core's and its libraries' functions.
 */
const STAGES = [
  ['garbage collection', (stack) => stack[0].functionName === '(garbage collector)'],
  ['parse: micromark extension set-up (combineExtensions)', calls('combineExtensions')],
  ['parse: GFM autolink-literal transform', calls('transformGfmAutolinkLiterals')],
  ['parse: building the mdast tree (compile)', calls('compile', 'mdast-util-from-markdown')],
  ['parse: micromark tokenizing', calls('fromMarkdown')],
  ['parse: chunks and line view (core/parse)', (stack) => stack.some((frame) => /core\/parse\.(js|ts)$/.test(frame.url))],
  ['model: sign-off pattern compile (compileAgentPattern)', calls('compileAgentPattern')],
  ['model: actor mentions', (stack) => stack.some((frame) => /actors\/mentions\.(js|ts)$/.test(frame.url))],
  ['model: estimative-language scan (annotateLikelihood)', calls('annotateLikelihood')],
  ['model: other extraction (extractAssessment)', calls('extractAssessment')],
  ['rules (runRules)', calls('runRules')],
  ['lint: other (lintParsed)', calls('lintParsed')],
  ['other', () => true],
];

/**
 * Self time per function and per place (package or source module), time per stage of a lint, and
 * total time (self and callees) of the project's own functions, in milliseconds. Frames of
 * compiled or bundled files (out/, dist/) are traced back to their sources through source maps.
 * @param {{ nodes: any[], samples: number[], timeDeltas: number[] }} profile
 */
export function summarizeProfile(profile, top = 15) {
  const selfMs = new Map(profile.nodes.map((node) => [node.id, 0]));
  profile.samples.forEach((id, index) => selfMs.set(id, selfMs.get(id) + (profile.timeDeltas[index] ?? 0) / 1000));
  const byFunction = new Map();
  const byPlace = new Map();
  // Total time of the project's own functions: their self time and that of everything they call.
  const projectTotals = new Map();
  const byStage = new Map(STAGES.map(([stage]) => [stage, 0]));
  const locate = sourceLocator();
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const labels = new Map();
  const labelOf = (node) => {
    if (!labels.has(node.id)) {
      const { place, line } = locate(node.callFrame);
      labels.set(node.id, { place, name: `${node.callFrame.functionName || '(anonymous)'} (${place}${line ? `:${line}` : ''})` });
    }
    return labels.get(node.id);
  };
  for (const node of profile.nodes) {
    const ms = selfMs.get(node.id);
    if (!ms) continue;
    const { place, name } = labelOf(node);
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byPlace.set(place, (byPlace.get(place) ?? 0) + ms);
    const onStack = new Set();
    for (let id = node.id; id !== undefined; id = parents.get(id)) {
      const label = labelOf(nodes.get(id));
      if (label.place.startsWith('server/src/')) onStack.add(label.name);
    }
    for (const label of onStack) projectTotals.set(label, (projectTotals.get(label) ?? 0) + ms);
    const stack = [];
    for (let id = node.id; id !== undefined; id = parents.get(id)) stack.push(nodes.get(id).callFrame);
    const [stage] = STAGES.find(([, test]) => test(stack));
    byStage.set(stage, (byStage.get(stage) ?? 0) + ms);
  }
  const totalMs = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);
  const ranked = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: Math.round((ms / totalMs) * 1000) / 10 }));
  const stages = [...byStage].filter(([, ms]) => ms >= 0.5).map(([name, ms]) => ({ name, ms: Math.round(ms), share: Math.round((ms / totalMs) * 1000) / 10 }));
  return { totalMs: Math.round(totalMs), stages, functions: ranked(byFunction), places: ranked(byPlace), projectTotals: ranked(projectTotals) };
}

/** Summarizes the `.cpuprofile` files Node wrote with `--cpu-prof` (one per thread) as one. */
export function summarizeProfileFiles(files, top = 15) {
  const merged = { nodes: [], samples: [], timeDeltas: [] };
  files.forEach((file, index) => {
    const profile = JSON.parse(readFileSync(file, 'utf8'));
    // Node ids are per file: offset them so that the files do not collide.
    const offset = index * 1e7;
    merged.nodes.push(...profile.nodes.map((node) => ({ ...node, id: node.id + offset })));
    merged.samples.push(...profile.samples.map((id) => id + offset));
    merged.timeDeltas.push(...profile.timeDeltas);
  });
  return summarizeProfile(merged, top);
}

/** Maps a call frame to its place (`micromark`, `server/src/core/parse.ts`, `(native/gc)`) and source line. */
function sourceLocator() {
  const maps = new Map();
  const sourceMapOf = (file) => {
    if (!maps.has(file)) {
      let map;
      try {
        // A map left over from an earlier build (a production bundle has none) would mislabel every frame.
        if (readFileSync(file, 'utf8').trimEnd().endsWith(`//# sourceMappingURL=${path.basename(file)}.map`)) {
          map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
        }
      } catch {
        map = undefined;
      }
      maps.set(file, map);
    }
    return maps.get(file);
  };
  return (frame) => {
    if (!frame.url) return { place: '(native/gc)' };
    if (!frame.url.startsWith('file:')) return { place: frame.url, line: frame.lineNumber + 1 };
    let file = fileURLToPath(frame.url);
    let line = frame.lineNumber + 1;
    const entry = sourceMapOf(file)?.findEntry(frame.lineNumber, frame.columnNumber);
    if (entry?.originalSource) {
      file = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(file), entry.originalSource);
      line = entry.originalLine + 1;
    }
    const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    return { place: packageMatch ? packageMatch[1] : path.relative(PROJECT_ROOT, file), line };
  };
}
