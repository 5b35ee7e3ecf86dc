/**
 * Percentiles and summaries of samples. Benchmarks on a shared 2-core machine are noisy, so
 * every figure is a median or a percentile of many runs, never one run.
 */

/** Percentiles of a set of samples (same unit as the samples). */
export interface Summary {
  n: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/**
 * The p-th percentile by linear interpolation between the closest ranks (numpy's default,
 * "type 7"): `percentile([1, 2, 3, 4], 50)` is 2.5.
 *
 * @param samples - Any order; not modified.
 * @param p - 0 to 100.
 * @returns The percentile; `NaN` for no samples.
 * @example
 * ```ts
 * percentile([10, 20, 30], 95); // 29
 * ```
 */
export function percentile(samples: readonly number[], p: number): number {
  if (p < 0 || p > 100) throw new RangeError(`percentile must be 0 to 100, not ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const lower = sorted[low] as number;
  const upper = sorted[Math.min(low + 1, sorted.length - 1)] as number;
  return lower + (upper - lower) * (rank - low);
}

/**
 * The median.
 *
 * @param samples - Any order.
 * @returns The 50th percentile.
 * @example
 * ```ts
 * median([3, 1, 2]); // 2
 * ```
 */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/**
 * Count, extremes, mean and the p50/p95/p99 of samples.
 *
 * @param samples - At least one sample.
 * @returns The summary.
 * @throws RangeError for no samples: a figure made of nothing must not reach a report.
 * @example
 * ```ts
 * summarize([4, 2, 9]).p50; // 4
 * ```
 */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError('no samples to summarize');
  return {
    n: samples.length,
    min: Math.min(...samples),
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: Math.max(...samples),
    mean: samples.reduce((sum, x) => sum + x, 0) / samples.length,
  };
}
