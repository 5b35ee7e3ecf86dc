/**
 * Paired sampling: each round measures every path once, in turn, so the machine's noise (other
 * processes, CPU frequency, GC) falls on all paths alike and their medians compare fairly.
 */

/**
 * Measures each path `runs` times, one round at a time, after `warmup` unrecorded rounds.
 *
 * @param paths - One function per path; each measures once and returns a figure.
 * @param runs - Recorded rounds.
 * @param warmup - Rounds run first and thrown away.
 * @returns The samples per path, in round order.
 * @example
 * ```ts
 * const samples = await interleave({ plain: () => ttfb(a), url: () => ttfb(b) }, 300, 10);
 * median(samples.url) - median(samples.plain);
 * ```
 */
export async function interleave<K extends string>(
  paths: Record<K, () => Promise<number>>,
  runs: number,
  warmup = 0,
): Promise<Record<K, number[]>> {
  const names = Object.keys(paths) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<
    K,
    number[]
  >;
  for (let round = -warmup; round < runs; round += 1) {
    for (const name of names) {
      const value = await paths[name]();
      if (round >= 0) samples[name].push(value);
    }
  }
  return samples;
}
