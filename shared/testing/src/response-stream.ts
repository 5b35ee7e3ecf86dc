import { Writable } from 'node:stream';
import {
  applyResponseStreamSemantics,
  DEFAULT_STREAM_CONTENT_TYPE,
  decodeHttpPrelude,
  HTTP_INTEGRATION_CONTENT_TYPE,
  type HttpPrelude,
  type ResponseStreamExtras,
} from '@lambda-streaming/streaming/wire';

/** One `write()` as the client would receive it, with when it happened. */
export interface RecordedChunk {
  data: Buffer;
  /** `Date.now()` at the write (advanced by `vi.useFakeTimers()` too). */
  at: number;
  /** Position of this write among all writes of the stream, prelude included. */
  sequence: number;
}

/** Options of the response-stream double. */
export interface ResponseStreamOptions {
  /** Buffer size before `write()` returns `false` (default 16 KiB, as in Node). */
  highWaterMark?: number;
  /** Delay before each chunk is acknowledged, to act as a slow client (default 0: at once). */
  writeDelayMs?: number;
}

/**
 * A response stream that behaves like the one the official Node.js runtime hands to a
 * streaming handler (RIC `src/ResponseStream.js`), but records what it is given instead of
 * sending it. The semantics come from `@lambda-streaming/streaming/wire`, the same code the
 * local runtime uses, so a handler cannot pass here and fail there.
 */
export class RecordingResponseStream extends Writable {
  contentType = DEFAULT_STREAM_CONTENT_TYPE;
  /** `Date.now()` when `end()` completed, once it has. */
  finishedAt: number | undefined;
  readonly #writes: RecordedChunk[] = [];
  readonly #writeDelayMs: number;

  constructor(options: ResponseStreamOptions = {}) {
    super({ highWaterMark: options.highWaterMark ?? 16 * 1024 });
    this.#writeDelayMs = options.writeDelayMs ?? 0;
    this.once('finish', () => {
      this.finishedAt = Date.now();
    });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.#writes.push({ data: chunk, at: Date.now(), sequence: this.#writes.length });
    if (this.#writeDelayMs > 0) setTimeout(callback, this.#writeDelayMs);
    else callback();
  }

  /** Every byte the runtime would send, prelude and delimiter included. */
  bytes(): Buffer {
    return Buffer.concat(this.#writes.map((write) => write.data));
  }

  /** The decoded `HttpResponseStream.from` prelude, if one was written. */
  prelude(): HttpPrelude | undefined {
    if (this.contentType !== HTTP_INTEGRATION_CONTENT_TYPE) return undefined;
    return decodeHttpPrelude(this.bytes())?.prelude;
  }

  /** The response body: the bytes after the prelude and delimiter, or all of them. */
  body(): Buffer {
    return this.bytes().subarray(this.#bodyOffset());
  }

  /** The body as UTF-8 text. */
  text(): string {
    return this.body().toString('utf8');
  }

  /** The non-empty body writes in order, with the prelude and delimiter left out. */
  chunks(): RecordedChunk[] {
    let offset = 0;
    const bodyOffset = this.#bodyOffset();
    const chunks: RecordedChunk[] = [];
    for (const write of this.#writes) {
      const start = Math.max(bodyOffset - offset, 0);
      offset += write.data.length;
      if (start < write.data.length) chunks.push({ ...write, data: write.data.subarray(start) });
    }
    return chunks;
  }

  #bodyOffset(): number {
    const bytes = this.bytes();
    const decoded =
      this.contentType === HTTP_INTEGRATION_CONTENT_TYPE ? decodeHttpPrelude(bytes) : undefined;
    return decoded ? bytes.length - decoded.rest.length : 0;
  }
}

/** The double, typed as what handlers receive. */
export type ResponseStreamDouble = RecordingResponseStream &
  ResponseStreamExtras &
  awslambda.HttpResponseStream;

/**
 * Creates a response stream for unit-testing a streaming handler.
 *
 * @param options - Buffer size and an optional per-chunk delay (a slow client).
 * @returns A stream to pass as the handler's second argument, with accessors for the
 *   prelude, body and timed chunks.
 * @example
 * ```ts
 * const stream = createResponseStream();
 * await handler(functionUrlEvent(), stream, createContext());
 * expect(stream.prelude()?.statusCode).toBe(200);
 * expect(stream.chunks().length).toBeGreaterThan(1);
 * ```
 */
export function createResponseStream(options: ResponseStreamOptions = {}): ResponseStreamDouble {
  const stream = new RecordingResponseStream(options);
  return applyResponseStreamSemantics(stream, (contentType) => {
    stream.contentType = contentType;
  }) as ResponseStreamDouble;
}
