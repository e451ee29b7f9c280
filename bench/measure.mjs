/** Timing and statistics shared by the benchmarks. */

export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Milliseconds one call takes. */
export function timeOnce(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/**
 * Times several functions round-robin (a, b, a, b, …) so that they share the machine's noise
 * alike, after `warmup` unrecorded rounds.
 * @template {string} K
 * @param {Record<K, () => void>} fns
 * @returns {Record<K, number[]>} milliseconds per run
 */
export function interleaved(fns, { warmup, runs }) {
  const times = Object.fromEntries(Object.keys(fns).map((key) => [key, []]));
  for (let round = 0; round < warmup + runs; round++) {
    for (const [key, fn] of Object.entries(fns)) {
      const ms = timeOnce(fn);
      if (round >= warmup) times[key].push(ms);
    }
    globalThis.gc?.();
  }
  return times;
}

/** Ordinary least squares of y on x: `y ≈ intercept + slope·x`, with r². */
export function leastSquares(points) {
  const n = points.length;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxx += (x - meanX) ** 2;
    sxy += (x - meanX) * (y - meanY);
    syy += (y - meanY) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}

export function round(value, digits = 2) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
