import { constants, createGzip, type Gzip, type ZlibOptions } from 'node:zlib';

/**
 * A gzip transform that flushes after every input chunk (`Z_SYNC_FLUSH`). Plain
 * `createGzip()` keeps up to its window of input before emitting anything, which turns a
 * stream that starts in milliseconds into one that starts at the end. Each flush costs a few
 * bytes of compression ratio; time to first byte is worth more here.
 *
 * @param options - Other zlib options (level, memLevel...); `flush` is always `Z_SYNC_FLUSH`.
 * @returns A gzip transform for `pipeline()`.
 * @example
 * ```ts
 * await pipeline(records(), flushingGzip(), stream);
 * ```
 */
export function flushingGzip(options: ZlibOptions = {}): Gzip {
  return createGzip({ ...options, flush: constants.Z_SYNC_FLUSH });
}
