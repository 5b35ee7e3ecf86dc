/**
 * What the runtime learns from the handler function itself (RIC `src/UserFunction.js`
 * `getHandlerMetadata`, `src/WarningForCallbackHandlers.js`).
 */
import {
  HIGH_WATER_MARK_SYMBOL,
  isStreamingHandler,
  STREAMING_HANDLER_SYMBOL,
} from '@lambda-streaming/streaming/wire';
import type { Handler } from '../types.js';

/** How to run the handler. */
export interface HandlerMetadata {
  /** `'response'` for handlers tagged by `awslambda.streamifyResponse`. */
  streaming: false | 'response';
  /** The `highWaterMark` given to `streamifyResponse`, if any. */
  highWaterMark: number | undefined;
  /** Declared `async` (an `AsyncFunction`). */
  isAsync: boolean;
  /** Declared parameter count (`handler.length`). */
  argsNum: number;
}

/**
 * @param handler - The loaded handler.
 * @returns Its metadata.
 * @throws A `ReferenceError` when the streaming tag has a value other than `'response'`:
 *   RIC means to throw `MalformedStreamingHandler` but never imports that class (spec §1.1).
 * @example
 * ```ts
 * getHandlerMetadata(handler).streaming; // 'response' | false
 * ```
 */
export function getHandlerMetadata(handler: Handler): HandlerMetadata {
  return {
    streaming: streamingMode(handler),
    highWaterMark: highWaterMark(handler),
    isAsync: isAsyncFunction(handler),
    argsNum: handler.length,
  };
}

function streamingMode(handler: Handler): false | 'response' {
  if (isStreamingHandler(handler)) return 'response';
  const tag = (handler as unknown as Record<symbol, unknown>)[STREAMING_HANDLER_SYMBOL];
  if (tag === undefined || tag === null || tag === false) return false;
  throw new ReferenceError('MalformedStreamingHandler is not defined');
}

function highWaterMark(handler: Handler): number | undefined {
  const value = (handler as unknown as Record<symbol, unknown>)[HIGH_WATER_MARK_SYMBOL];
  if (value === undefined || value === null || value === false) return undefined;
  const parsed = Number.parseInt(String(value), 10);
  return Number.isNaN(parsed) ? undefined : parsed;
}

function isAsyncFunction(handler: Handler): boolean {
  try {
    return handler.constructor?.name === 'AsyncFunction';
  } catch {
    return false;
  }
}

/**
 * Logs RIC's deprecation warning for callback-style handlers (three parameters, not async, not
 * streaming) unless `AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING` is set.
 *
 * @param metadata - The handler's metadata.
 * @example
 * ```ts
 * warnOnCallbackHandler(getHandlerMetadata(handler));
 * ```
 */
export function warnOnCallbackHandler(metadata: HandlerMetadata): void {
  if (process.env.AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING !== undefined) return;
  if (metadata.argsNum !== 3 || metadata.isAsync || metadata.streaming !== false) return;
  console.warn(
    'AWS Lambda plans to remove support for callback-based function handlers starting with Node.js 24. You will need to update this function to use an async handler to use Node.js 24 or later. For more information and to provide feedback on this change, see https://github.com/aws/aws-lambda-nodejs-runtime-interface-client/issues/137. To disable this warning, set the AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING environment variable.',
  );
}
