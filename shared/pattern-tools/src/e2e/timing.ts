/**
 * Time between the first and the last arrival: how far apart in time a response reached the
 * client. A response held back and sent at the end arrives with a spread near zero.
 *
 * @param chunks - Arrivals in order, each with `atMs`.
 * @returns The spread in ms; 0 for fewer than two arrivals.
 * @example
 * ```ts
 * arrivalSpreadMs([{ atMs: 12 }, { atMs: 4012 }]); // 4000
 * ```
 */
export function arrivalSpreadMs(chunks: readonly { atMs: number }[]): number {
  const first = chunks[0];
  const last = chunks.at(-1);
  return first && last ? last.atMs - first.atMs : 0;
}
