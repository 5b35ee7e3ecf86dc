import type { Writable } from 'node:stream';
import {
  HIGH_WATER_MARK_SYMBOL,
  HTTP_INTEGRATION_CONTENT_TYPE,
  preludeDelimiter,
  STREAMING_HANDLER_SYMBOL,
  STREAMING_HANDLER_VALUE,
} from './constants.js';
import type { ResponseStreamExtras } from './response-stream.js';

/** A stream the runtime created: a writable with `setContentType` and the first-write hook. */
export type RuntimeResponseStream = Writable & ResponseStreamExtras;

/**
 * The `awslambda.HttpResponseStream` of the official runtime (RIC `src/HttpResponseStream.js`),
 * line for line: `from()` sets the http-integration content type and arranges for the JSON
 * prelude and 8 NUL bytes to be written just before the first `write()`.
 *
 * @example
 * ```ts
 * const http = HttpResponseStream.from(responseStream, { statusCode: 200, headers: {} });
 * http.write('hello'); // prelude, delimiter, then "hello"
 * ```
 */
// biome-ignore lint/complexity/noStaticOnlyClass: the runtime exposes it as a class; handlers call HttpResponseStream.from
export class HttpResponseStream {
  /**
   * @param underlyingStream - The response stream the runtime passed to the handler.
   * @param prelude - Status code, headers and cookies; any JSON value is accepted.
   * @returns The same stream object.
   */
  static from<T extends RuntimeResponseStream>(underlyingStream: T, prelude: unknown): T {
    underlyingStream.setContentType(HTTP_INTEGRATION_CONTENT_TYPE);
    // JSON.stringify escapes any NUL inside values, so the delimiter cannot occur in the prelude.
    const metadataPrelude = JSON.stringify(prelude);
    underlyingStream._onBeforeFirstWrite = (write) => {
      write(metadataPrelude);
      write(preludeDelimiter());
    };
    return underlyingStream;
  }
}

/** Options of `streamifyResponse`, which the `@types/aws-lambda` typings leave out. */
export interface StreamifyOptions {
  highWaterMark?: number;
}

/**
 * The runtime's `awslambda.streamifyResponse` (RIC `src/UserFunction.js`): it does not wrap the
 * handler, it tags the same function object so the runtime picks the streaming code path.
 *
 * @param handler - The streaming handler.
 * @param options - `highWaterMark` for the runtime's socket.
 * @returns The same function, tagged.
 * @example
 * ```ts
 * const tagged = tagStreamingHandler(async (event, stream) => stream.end());
 * isStreamingHandler(tagged); // true
 * ```
 */
export function tagStreamingHandler<F extends (...args: never[]) => unknown>(
  handler: F,
  options?: StreamifyOptions,
): F {
  const tagged = handler as unknown as Record<symbol, unknown>;
  tagged[STREAMING_HANDLER_SYMBOL] = STREAMING_HANDLER_VALUE;
  if (typeof options?.highWaterMark === 'number') {
    tagged[HIGH_WATER_MARK_SYMBOL] = Number.parseInt(String(options.highWaterMark), 10);
  }
  return handler;
}

/**
 * Tells whether a handler was tagged by `streamifyResponse`, the way the runtime tells.
 *
 * @param handler - A value exported by a function's module.
 * @returns `true` for a streaming handler.
 * @example
 * ```ts
 * if (isStreamingHandler(mod.handler)) runStreaming(mod.handler);
 * ```
 */
export function isStreamingHandler(handler: unknown): boolean {
  return (
    typeof handler === 'function' &&
    (handler as unknown as Record<symbol, unknown>)[STREAMING_HANDLER_SYMBOL] ===
      STREAMING_HANDLER_VALUE
  );
}

/**
 * The `awslambda` global the runtime installs before loading the function's code.
 *
 * @returns A fresh `{ streamifyResponse, HttpResponseStream }` object.
 * @example
 * ```ts
 * Object.assign(globalThis, { awslambda: createAwslambdaGlobal() });
 * ```
 */
export function createAwslambdaGlobal(): {
  streamifyResponse: typeof tagStreamingHandler;
  HttpResponseStream: typeof HttpResponseStream;
} {
  return { streamifyResponse: tagStreamingHandler, HttpResponseStream };
}
