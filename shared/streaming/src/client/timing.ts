import { Buffer } from 'node:buffer';

/** One chunk's arrival. */
export interface ChunkTiming {
  /** Milliseconds after the start. */
  atMs: number;
  bytes: number;
}

/** How a response arrived over time. */
export interface ResponseTiming {
  /** Time to the first non-empty chunk; `undefined` when no byte arrived. */
  ttfbMs: number | undefined;
  /** Time until the source was exhausted. */
  ttlbMs: number;
  /** Total bytes. */
  bytes: number;
  /** Every non-empty chunk, in order. */
  chunks: ChunkTiming[];
}

/** Options of {@link timed} and {@link timeResponse}. */
export interface TimingOptions {
  /** The start on the `now` clock, typically taken just before the request; default: now. */
  startMs?: number;
  /** Clock in ms; default `performance.now`. */
  now?: () => number;
}

/** A pass-through async iterable that records when each chunk arrived. */
export interface TimedIterable<T> extends AsyncIterable<T> {
  /** The chunks seen so far (live). */
  readonly chunks: readonly ChunkTiming[];
  /** The timing, once the source is exhausted; `undefined` before (or after an error). */
  readonly result: ResponseTiming | undefined;
}

/**
 * Wraps a stream of chunks so it can be consumed as usual while each chunk's arrival time and
 * size are recorded. Iterate it once.
 *
 * @param source - Chunks: a response body, `invokePayloads(...)`, strings...
 * @param options - Start time and clock.
 * @returns The same chunks, plus `chunks` and (at the end) `result`.
 * @example
 * ```ts
 * const startMs = performance.now();
 * const response = await callFunctionUrl(url);
 * const body = timed(response.body, { startMs });
 * await pipeline(body, createWriteStream('out.pdf'));
 * console.log(body.result?.ttfbMs, body.result?.ttlbMs);
 * ```
 */
export function timed<T extends Uint8Array | string>(
  source: AsyncIterable<T>,
  options: TimingOptions = {},
): TimedIterable<T> {
  const now = options.now ?? (() => performance.now());
  const startMs = options.startMs ?? now();
  const chunks: ChunkTiming[] = [];
  let result: ResponseTiming | undefined;
  async function* iterate(): AsyncGenerator<T, void, undefined> {
    for await (const chunk of source) {
      const bytes = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
      if (bytes > 0) chunks.push({ atMs: now() - startMs, bytes });
      yield chunk;
    }
    result = summarize(chunks, now() - startMs);
  }
  const iterable = iterate();
  return {
    chunks,
    get result() {
      return result;
    },
    [Symbol.asyncIterator]: () => iterable,
  };
}

/**
 * Consumes a stream of chunks and reports when its first and last bytes arrived.
 *
 * @param source - Chunks, e.g. a function URL response body.
 * @param options - Start time and clock.
 * @returns Time to first byte, time to last byte, total bytes, every chunk's arrival.
 * @example
 * ```ts
 * const startMs = performance.now();
 * const { body } = await callFunctionUrl(url);
 * const { ttfbMs, ttlbMs } = await timeResponse(body, { startMs });
 * expect(ttfbMs).toBeLessThan(ttlbMs);
 * ```
 */
export async function timeResponse(
  source: AsyncIterable<Uint8Array | string>,
  options: TimingOptions = {},
): Promise<ResponseTiming> {
  const body = timed(source, options);
  for await (const _ of body) {
    // Only the timing is wanted.
  }
  return body.result as ResponseTiming;
}

function summarize(chunks: ChunkTiming[], ttlbMs: number): ResponseTiming {
  const bytes = chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
  return { ttfbMs: chunks[0]?.atMs, ttlbMs, bytes, chunks: [...chunks] };
}
