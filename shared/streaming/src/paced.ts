/**
 * Yields the items of a source with a pause between them: the first at once, each next one
 * `intervalMs` later. It uses the global `setTimeout`, so tests can drive it with
 * `vi.useFakeTimers()`.
 *
 * @param source - Items to emit (strings, buffers, records...).
 * @param intervalMs - Pause before every item but the first.
 * @returns An async iterable to hand to `pipeline()` or `for await`.
 * @example
 * ```ts
 * import { pipeline } from 'node:stream/promises';
 * await pipeline(paced(['<h1>Hi</h1>', '<p>later</p>'], 1000), stream);
 * ```
 */
export async function* paced<T>(
  source: Iterable<T> | AsyncIterable<T>,
  intervalMs: number,
): AsyncGenerator<T> {
  let first = true;
  for await (const item of source) {
    if (!first) await sleep(intervalMs);
    first = false;
    yield item;
  }
}

/**
 * Resolves after `ms` milliseconds (global `setTimeout`, so fake timers apply).
 *
 * @param ms - Delay in milliseconds.
 * @returns A promise that resolves after the delay.
 * @example
 * ```ts
 * await sleep(500);
 * ```
 */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
