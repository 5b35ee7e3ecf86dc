/**
 * The constants of Lambda's response streaming wire format, as the official Node.js runtime
 * interface client (RIC) defines them. Every other module of the repository imports them from
 * here, so the format is written down exactly once.
 *
 * Source: aws/aws-lambda-nodejs-runtime-interface-client `src/HttpResponseStream.js`,
 * `src/ResponseStream.js`, `src/UserFunction.js` (3.3.0).
 */

/**
 * Content type that `HttpResponseStream.from` sets: the body starts with a JSON prelude and
 * {@link PRELUDE_DELIMITER}, then the HTTP body follows.
 *
 * @example
 * ```ts
 * if (contentType === HTTP_INTEGRATION_CONTENT_TYPE) parsePrelude(body);
 * ```
 */
export const HTTP_INTEGRATION_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response';

/**
 * Content type of a streamed response when the handler sets none.
 *
 * @example
 * ```ts
 * const contentType = header ?? DEFAULT_STREAM_CONTENT_TYPE;
 * ```
 */
export const DEFAULT_STREAM_CONTENT_TYPE = 'application/octet-stream';

/** Number of NUL bytes that end the prelude. */
export const PRELUDE_DELIMITER_LENGTH = 8;

/**
 * The 8 NUL bytes written after the JSON prelude. A fresh copy each call, so nobody can
 * mutate the shared bytes.
 *
 * @returns 8 zero bytes.
 * @example
 * ```ts
 * stream.write(preludeDelimiter());
 * ```
 */
export function preludeDelimiter(): Uint8Array {
  return new Uint8Array(PRELUDE_DELIMITER_LENGTH);
}

/**
 * The property key by which the runtime recognises a streaming handler; its value must be
 * exactly {@link STREAMING_HANDLER_VALUE}.
 *
 * @example
 * ```ts
 * const streaming = handler[STREAMING_HANDLER_SYMBOL] === STREAMING_HANDLER_VALUE;
 * ```
 */
export const STREAMING_HANDLER_SYMBOL: unique symbol = Symbol.for(
  'aws.lambda.runtime.handler.streaming',
) as never;

/** The value {@link STREAMING_HANDLER_SYMBOL} carries on a streaming handler. */
export const STREAMING_HANDLER_VALUE = 'response';

/**
 * The property key of the optional `highWaterMark` given to `streamifyResponse`.
 *
 * @example
 * ```ts
 * const hwm = handler[HIGH_WATER_MARK_SYMBOL]; // number | undefined
 * ```
 */
export const HIGH_WATER_MARK_SYMBOL: unique symbol = Symbol.for(
  'aws.lambda.runtime.handler.streaming.highWaterMark',
) as never;

/** Runtime API request header that marks a streamed `/response`. */
export const RESPONSE_MODE_HEADER = 'Lambda-Runtime-Function-Response-Mode';

/** Trailer (and `/error` header) carrying the error type of a failed invocation. */
export const ERROR_TYPE_TRAILER = 'Lambda-Runtime-Function-Error-Type';

/** Trailer carrying the base64 of the error JSON of a failed streamed invocation. */
export const ERROR_BODY_TRAILER = 'Lambda-Runtime-Function-Error-Body';
