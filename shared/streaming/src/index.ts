/**
 * Handler-side helpers for AWS Lambda response streaming: a typed `streamifyResponse`, HTTP
 * status and headers that reach the client even for an empty body, backpressure-aware
 * writes, paced sources and a gzip step that does not hold bytes back.
 *
 * The wire format lives in `@lambda-streaming/streaming/wire`, the client side (SDK event
 * streams, SigV4 function URL calls, timing) in `@lambda-streaming/streaming/client`, and the
 * AWS protocol toolkit (SigV4 signing and verification, event-stream framing; browser-safe) in
 * `@lambda-streaming/streaming/protocol`.
 *
 * @module
 */
export { writeChunk } from './backpressure.js';
export { flushingGzip } from './gzip.js';
export { type HttpResponseInit, httpResponse } from './http-response.js';
export { paced, sleep } from './paced.js';
export { streamifyResponse } from './streamify.js';
export {
  type AwslambdaGlobal,
  type ResponseStream,
  runtimeGlobal,
  type StreamingHandler,
} from './types.js';
