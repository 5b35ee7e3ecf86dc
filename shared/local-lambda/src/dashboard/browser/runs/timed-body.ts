/** One chunk as the page received it. */
export interface TimedChunk {
  /** Milliseconds since the request was sent. */
  at: number;
  bytes: Uint8Array;
  /** Bytes received so far, this chunk included. */
  total: number;
}

/** How a body ended. */
export interface BodyEnd {
  /** Time to last byte: when the body ended (or broke off), ms since the request. */
  ttlb: number;
  total: number;
  /** Set when the body broke off: a truncated transfer, as after a midstream error. */
  error?: string;
}

/**
 * Reads a response body chunk by chunk as the browser hands it over, timing each chunk against
 * the moment the request was sent.
 *
 * @param response - A fetch response.
 * @param startedAt - `performance.now()` when the request was sent.
 * @param onChunk - Called for each chunk, as it arrives.
 * @returns When and how the body ended.
 * @example
 * ```ts
 * const started = performance.now();
 * const end = await readTimed(await fetch(url), started, (chunk) => chart.add(chunk));
 * ```
 */
export async function readTimed(
  response: Response,
  startedAt: number,
  onChunk: (chunk: TimedChunk) => void,
): Promise<BodyEnd> {
  let total = 0;
  if (!response.body) return { ttlb: performance.now() - startedAt, total };
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const at = performance.now() - startedAt;
      if (done) return { ttlb: at, total };
      total += value.byteLength;
      onChunk({ at, bytes: value, total });
    }
  } catch (error) {
    return { ttlb: performance.now() - startedAt, total, error: describeBreak(error) };
  }
}

function describeBreak(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `The body broke off before its end (${detail}): a truncated transfer, which is how a function URL shows a failure after the first byte.`;
}
