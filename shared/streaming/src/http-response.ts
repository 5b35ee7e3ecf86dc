import { type ResponseStream, runtimeGlobal } from './types.js';
import { HttpResponseStream } from './wire/http-response-stream.js';
import type { HttpPrelude } from './wire/prelude.js';

/** Status, headers and cookies of a streamed HTTP response (function URLs, API Gateway). */
export interface HttpResponseInit {
  /** HTTP status code; 200 when left out. */
  statusCode?: number;
  /** Response headers. Put cookies in `cookies`, not here. */
  headers?: Record<string, string>;
  /** `Set-Cookie` values, each sent as its own `set-cookie` header. */
  cookies?: string[];
}

/**
 * Sets the status, headers and cookies of a streamed response and sends them at once.
 *
 * It wraps `awslambda.HttpResponseStream.from` and then writes an empty chunk, because the
 * runtime only emits the prelude on the first `write()`: a handler that calls `end(body)`
 * without writing first sends no prelude at all, and the function URL then answers 502 (or a
 * bare 200 for an empty body). See aws-lambda-nodejs-runtime-interface-client issue #97.
 *
 * @param stream - The response stream the handler received.
 * @param init - Status code, headers, cookies.
 * @returns The stream to write the body to (the same object, as in the runtime).
 * @example
 * ```ts
 * const http = httpResponse(stream, {
 *   statusCode: 404,
 *   headers: { 'content-type': 'text/plain' },
 * });
 * http.end('not found'); // safe: the prelude already went out
 * ```
 */
export function httpResponse(stream: ResponseStream, init: HttpResponseInit = {}): ResponseStream {
  const prelude: HttpPrelude = { statusCode: 200, ...init };
  const from = runtimeGlobal()?.HttpResponseStream.from ?? HttpResponseStream.from;
  const httpStream = from(stream, prelude) as ResponseStream;
  httpStream.write('');
  return httpStream;
}
