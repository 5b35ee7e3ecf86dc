/// <reference types="aws-lambda" />
import { Writable } from 'node:stream';
import {
  applyResponseStreamSemantics,
  DEFAULT_STREAM_CONTENT_TYPE,
  type NodeRuntime,
  type ResponseStreamExtras,
  runtimeSemantics,
} from '@lambda-streaming/streaming/wire';
import { ClientView } from './client-view.js';
import { DEFAULT_RUNTIME } from './runtime-choice.js';
import { type RecordedChunk, type RecordedWrite, SlowReader } from './slow-reader.js';

type WriteCallback = (error?: Error | null) => void;

/** Options of the response-stream double. */
export interface ResponseStreamOptions {
  /** Whose stream semantics to apply (default `nodejs22.x`). */
  runtime?: NodeRuntime;
  /**
   * Buffer size before `write()` returns `false` (default 64 KiB: the `writableHighWaterMark` of
   * the runtime's request on Node.js 22 and 24).
   */
  highWaterMark?: number;
  /** Delay before each chunk is acknowledged, to act as a slow client (default 0: at once). */
  writeDelayMs?: number;
  /** Start with a reader that takes nothing until `resumeReading()` (default `false`). */
  paused?: boolean;
}

/**
 * A response stream that behaves like the one the official Node.js runtime hands to a
 * streaming handler (an HTTP request to the Runtime API), but records what a client would
 * receive instead of sending it: the bytes, each chunk with the time it was read, the error
 * trailers, and the end. A reader that can be paused or slowed applies backpressure the way a
 * slow client does. The semantics come from `@lambda-streaming/streaming/wire`, the same code the
 * local runtime uses, so a handler cannot pass here and fail there.
 */
export class RecordingResponseStream extends Writable {
  contentType = DEFAULT_STREAM_CONTENT_TYPE;
  /** `Date.now()` when the client had read the whole response, once it has. */
  finishedAt: number | undefined;
  /** The error trailers the runtime sent, when the invocation failed before the end. */
  trailers: Record<string, string> | undefined;
  /** Every `write()` call that reached the transport (prelude writes included), in order. */
  readonly writes: RecordedWrite[] = [];
  /** Whose semantics the stream follows. */
  readonly runtime: NodeRuntime;
  /** The error the stream was destroyed with or emitted (the runtime always listens for it). */
  error: Error | undefined;
  readonly #reader: SlowReader;
  readonly #backpressureWaiters: (() => void)[] = [];
  #cut = false;

  constructor(options: ResponseStreamOptions = {}) {
    super({ highWaterMark: options.highWaterMark ?? 64 * 1024 });
    this.runtime = options.runtime ?? DEFAULT_RUNTIME;
    this.on('error', (error) => {
      this.error ??= error;
    });
    this.#reader = new SlowReader(options.writeDelayMs ?? 0, options.paused ?? false);
    this.once('finish', () => {
      this.finishedAt = Date.now();
    });
  }

  override write(
    chunk: unknown,
    encoding?: BufferEncoding | WriteCallback,
    callback?: WriteCallback,
  ): boolean {
    const open = !this.writableEnded && !this.destroyed;
    const accepted = super.write(chunk, encoding as BufferEncoding, callback);
    if (open) {
      const length = (chunk as { length?: number } | null | undefined)?.length ?? 0;
      this.writes.push({ at: Date.now(), length, accepted });
      if (!accepted) for (const notify of this.#backpressureWaiters.splice(0)) notify();
    }
    return accepted;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    if (this.#cut) callback();
    else this.#reader.take(chunk, callback);
  }

  override _final(callback: () => void): void {
    this.#reader.whenIdle(callback);
  }

  /** Stops the reader: `write()` returns `false` once the buffer is full, until `resumeReading()`. */
  pauseReading(): void {
    this.#reader.pause();
  }

  /** Lets the reader take what is waiting, so that `drain` follows. */
  resumeReading(): void {
    this.#reader.resume();
  }

  /** Resolves at the first `write()` that returned `false` (at once if one already did). */
  backpressured(): Promise<void> {
    if (this.writes.some((write) => !write.accepted)) return Promise.resolve();
    return new Promise((resolve) => this.#backpressureWaiters.push(resolve));
  }

  /** `true` once a byte went out (prelude included): a failure now is "after the first byte". */
  get sentBytes(): boolean {
    return this.writes.some((write) => write.length > 0);
  }

  /** `Date.now()` when the client read the first byte, once it has. */
  get firstByteAt(): number | undefined {
    return this.#reader.chunks.find((chunk) => chunk.data.length > 0)?.at;
  }

  /** Every byte the runtime sent, prelude and delimiter included. */
  bytes(): Buffer {
    return Buffer.concat(this.#reader.chunks.map((chunk) => chunk.data));
  }

  /** The decoded `HttpResponseStream.from` prelude, if one was written. */
  prelude() {
    return this.#view().prelude;
  }

  /** The response body: the bytes after the prelude and delimiter, or all of them. */
  body(): Buffer {
    return this.#view().body;
  }

  /** The body as UTF-8 text. */
  text(): string {
    return this.body().toString('utf8');
  }

  /** The non-empty body chunks in the order the client read them, prelude left out. */
  chunks(): RecordedChunk[] {
    return this.#view().chunks;
  }

  /** Ends the response with the error trailers, as the runtime's `fail` does. */
  failWithTrailers(trailers: Record<string, string>, callback?: () => void): void {
    this.trailers = trailers;
    this.end(callback);
  }

  /** The invocation is over (a timeout): later writes are dropped, as a frozen sandbox sends nothing. */
  cut(): void {
    this.#cut = true;
    this.#reader.resume();
  }

  #view(): ClientView {
    return new ClientView(this.#reader.chunks, this.contentType);
  }
}

/** The double, typed as what handlers receive. */
export type ResponseStreamDouble = RecordingResponseStream &
  ResponseStreamExtras &
  awslambda.HttpResponseStream;

/**
 * Creates a response stream for unit-testing a streaming handler by calling it directly.
 * ({@link invokeStreamingHandler} runs a handler the way the runtime does and reports how the
 * stream ended.)
 *
 * @param options - Runtime, buffer size, and a slow or paused reader.
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
  const { runtime } = stream;
  if (runtimeSemantics(runtime).endTakesOneArgument) {
    // 3.3.0 wraps `end` to take one argument, `end(chunk)` or `end(callback)`, and return nothing.
    const end = stream.end.bind(stream) as (arg?: unknown) => void;
    stream.end = ((arg?: unknown) => {
      end(arg);
    }) as typeof stream.end;
  }
  return applyResponseStreamSemantics(
    stream,
    (contentType) => {
      stream.contentType = contentType;
    },
    runtime,
  ) as ResponseStreamDouble;
}
