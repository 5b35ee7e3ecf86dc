import { runtimeGlobal, type StreamingHandler } from './types.js';
import { tagStreamingHandler } from './wire/http-response-stream.js';

/**
 * Marks a handler as response-streaming, typed. Inside Lambda (and the local emulator) it
 * calls the runtime's `awslambda.streamifyResponse`; elsewhere it tags the handler the same
 * way the runtime does (`Symbol.for('aws.lambda.runtime.handler.streaming')`), so a module
 * can be imported by plain Node, scripts and tests without a global.
 *
 * @param handler - An async `(event, responseStream, context)` function.
 * @returns The handler to export.
 * @example
 * ```ts
 * import type { LambdaFunctionURLEvent } from 'aws-lambda';
 * import { httpResponse, streamifyResponse } from '@lambda-streaming/streaming';
 *
 * export const handler = streamifyResponse<LambdaFunctionURLEvent>(async (event, stream) => {
 *   const http = httpResponse(stream, { statusCode: 200, headers: { 'content-type': 'text/plain' } });
 *   http.write(`Hello from ${event.rawPath}\n`);
 *   http.end();
 * });
 * ```
 */
export function streamifyResponse<TEvent = unknown>(
  handler: StreamingHandler<TEvent>,
): StreamingHandler<TEvent> {
  const runtime = runtimeGlobal();
  if (runtime) {
    return runtime.streamifyResponse(handler) as StreamingHandler<TEvent>;
  }
  return tagStreamingHandler(handler);
}
