import type { Writable } from 'node:stream';
import { InvalidStreamingOperation } from './errors.js';
import { type NodeRuntime, runtimeSemantics } from './node-runtimes.js';

/** The hook `HttpResponseStream.from` installs; it receives the raw (unwrapped) write. */
export type BeforeFirstWriteHook = (write: (chunk: string | Uint8Array) => void) => void;

/**
 * What the runtime adds to the writable it hands a streaming handler.
 *
 * @example
 * ```ts
 * const stream: ResponseStreamExtras = applyResponseStreamSemantics(req, setType);
 * stream.setContentType('text/plain');
 * ```
 */
export interface ResponseStreamExtras {
  /** Sets the response content type; throws once the first byte has been written. */
  setContentType(contentType: string): void;
  /** Set by `HttpResponseStream.from`; called once, just before the first write. */
  _onBeforeFirstWrite?: BeforeFirstWriteHook;
}

type WriteCallback = (error?: Error | null) => void;

/**
 * Gives a writable the write semantics of the official runtime's response stream
 * (RIC `src/ResponseStream.js`), so that the test double and the local runtime behave alike:
 *
 * - a chunk that is not a string, Buffer or Uint8Array is `JSON.stringify`-ed (on `nodejs22.x`
 *   a Uint8Array subclass is stringified too: 3.3.0 tests the constructor, 4.x `instanceof`);
 * - on the first `write()` only, `_onBeforeFirstWrite` runs (this is how the prelude of
 *   `HttpResponseStream.from` gets out; `end(data)` bypasses it, faithfully: RIC issue #97);
 * - `setContentType` throws `Runtime.InvalidStreamingOperation` after the first write;
 * - on `nodejs22.x`, `end` takes one argument, `end(chunk)` or `end(callback)`, and returns
 *   nothing: `end(chunk, callback)` never calls the callback, as in 3.3.0.
 *
 * @param inner - The writable that carries the bytes (an HTTP request to the Runtime API, or a
 *   recorder in tests). Its `write` (and on `nodejs22.x` its `end`) is replaced in place.
 * @param applyContentType - Called with the content type to use before any byte is sent.
 * @param runtime - Whose write semantics to apply (default `nodejs22.x`).
 * @returns The same object, typed with the added members.
 * @example
 * ```ts
 * const req = http.request(options);
 * const stream = applyResponseStreamSemantics(req, (type) => req.setHeader('Content-Type', type));
 * stream.write({ hello: 'world' }); // sends {"hello":"world"}
 * ```
 */
export function applyResponseStreamSemantics<T extends Writable>(
  inner: T,
  applyContentType: (contentType: string) => void,
  runtime: NodeRuntime = 'nodejs22.x',
): T & ResponseStreamExtras {
  const semantics = runtimeSemantics(runtime);
  const isBytes =
    semantics.binaryChunks === 'exactly-uint8array' ? isBinaryOrString : isBytesOrString;
  const stream = inner as T & ResponseStreamExtras;
  if (semantics.endTakesOneArgument) takeOneEndArgument(stream);
  const rawWrite = inner.write.bind(inner) as (
    chunk: unknown,
    encoding?: BufferEncoding | WriteCallback,
    callback?: WriteCallback,
  ) => boolean;
  let firstWriteDone = false;

  stream.setContentType = (contentType: string) => {
    if (firstWriteDone) {
      const error = new InvalidStreamingOperation('Cannot set content-type, too late.');
      // 4.x names the error in its constructor: the same name, but an own property.
      if (semantics.ownErrorNames) error.name = InvalidStreamingOperation.prototype.name;
      throw error;
    }
    applyContentType(contentType);
  };

  stream.write = ((
    chunk: unknown,
    encoding?: BufferEncoding | WriteCallback,
    callback?: WriteCallback,
  ) => {
    // RIC reads chunk.length before anything else (for a log line), so null and undefined
    // throw a TypeError there; reading it here throws the same error.
    void (chunk as { length?: unknown }).length;
    const bytes = isBytes(chunk) ? chunk : JSON.stringify(chunk);
    if (!firstWriteDone && typeof stream._onBeforeFirstWrite === 'function') {
      stream._onBeforeFirstWrite((preludeChunk) => rawWrite(preludeChunk));
    }
    const accepted = rawWrite(bytes, encoding, callback);
    firstWriteDone = true;
    return accepted;
  }) as T['write'];

  return stream;
}

/** 3.3.0 replaces `end` with `function (cb) { origEnd(cb) }` (`src/ResponseStream.js`). */
function takeOneEndArgument(stream: Writable): void {
  const rawEnd = stream.end.bind(stream) as (arg?: unknown) => void;
  stream.end = ((arg?: unknown) => {
    rawEnd(arg);
  }) as Writable['end'];
}

/** RIC 3.3.0's test: strings, Buffers and exactly-Uint8Array values pass through unchanged. */
function isBinaryOrString(chunk: unknown): boolean {
  return (
    typeof chunk === 'string' ||
    Buffer.isBuffer(chunk) ||
    (chunk as { constructor?: unknown } | null | undefined)?.constructor === Uint8Array
  );
}

/** RIC 4.x's test: strings, Buffers and any Uint8Array pass through unchanged. */
function isBytesOrString(chunk: unknown): boolean {
  return typeof chunk === 'string' || Buffer.isBuffer(chunk) || chunk instanceof Uint8Array;
}
