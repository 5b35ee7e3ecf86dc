/**
 * What the runtime learns from the handler function itself: the wire's init checks and
 * metadata (RIC `src/UserFunction.js` `getHandlerMetadata`) for this runtime client's Node.js
 * runtime, plus whether the handler is declared `async`, which only this client's callback
 * warning and its "promise never settled" report need (`src/WarningForCallbackHandlers.js`).
 */
import {
  checkHandlerAtInit,
  type HandlerMetadata as WireHandlerMetadata,
} from '@lambda-streaming/streaming/wire';
import { RIC_330_RUNTIME } from '../node-runtime.js';
import type { Handler } from '../types.js';

/** How to run the handler. */
export interface HandlerMetadata extends WireHandlerMetadata {
  /** Declared `async` (an `AsyncFunction`). */
  isAsync: boolean;
}

/**
 * @param handler - The loaded handler.
 * @returns Its metadata.
 * @throws What the runtime throws at init for a malformed streaming tag: on `nodejs22.x` a
 *   `ReferenceError`, as RIC means to throw `MalformedStreamingHandler` but never imports that
 *   class (spec §1.1).
 * @example
 * ```ts
 * getHandlerMetadata(handler).streaming; // true for handlers tagged by streamifyResponse
 * ```
 */
export function getHandlerMetadata(handler: Handler): HandlerMetadata {
  return { ...checkHandlerAtInit(handler, RIC_330_RUNTIME), isAsync: isAsyncFunction(handler) };
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
  if (metadata.argsNum !== 3 || metadata.isAsync || metadata.streaming) return;
  console.warn(
    'AWS Lambda plans to remove support for callback-based function handlers starting with Node.js 24. You will need to update this function to use an async handler to use Node.js 24 or later. For more information and to provide feedback on this change, see https://github.com/aws/aws-lambda-nodejs-runtime-interface-client/issues/137. To disable this warning, set the AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING environment variable.',
  );
}
