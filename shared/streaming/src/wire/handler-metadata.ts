/**
 * What a runtime reads from the exported handler at init, and the init checks that can refuse
 * it (aws-lambda-ric 3.3.0 `src/UserFunction.js`; 4.x `src/function/user-function-loader.ts`,
 * `src/function/callback-deprecation.ts`).
 */
import {
  HIGH_WATER_MARK_SYMBOL,
  STREAMING_HANDLER_SYMBOL,
  STREAMING_HANDLER_VALUE,
} from './constants.js';
import {
  CALLBACK_HANDLER_DEPRECATED_MESSAGE,
  type NodeRuntime,
  runtimeSemantics,
} from './node-runtimes.js';
import { CallbackHandlerDeprecatedError, MalformedStreamingHandler } from './runtime-errors.js';

/** The handler's metadata, as the runtime computes it once at init. */
export interface HandlerMetadata {
  /** Tagged by `awslambda.streamifyResponse`. */
  streaming: boolean;
  /** From `streamifyResponse(handler, { highWaterMark })`: sizes the socket, not the stream. */
  highWaterMark: number | undefined;
  /** `handler.length`, the number of declared parameters. */
  argsNum: number;
}

/**
 * Reads the metadata and runs the init checks of the given runtime: a streaming tag other than
 * `response` throws `Runtime.MalformedStreamingHandler` (a `ReferenceError` on `nodejs22.x`,
 * whose runtime client lacks the class); on `nodejs24.x` a
 * handler with 3 or more parameters that is not streaming throws
 * `Runtime.CallbackHandlerDeprecated`.
 *
 * @param handler - The exported handler function.
 * @param runtime - Whose rules apply.
 * @returns The metadata of a handler the runtime accepts.
 * @example
 * ```ts
 * const { streaming } = checkHandlerAtInit(awslambda.streamifyResponse(handler), 'nodejs24.x');
 * ```
 */
export function checkHandlerAtInit(
  handler: (...args: never[]) => unknown,
  runtime: NodeRuntime,
): HandlerMetadata {
  const semantics = runtimeSemantics(runtime);
  const tagged = handler as unknown as Record<symbol, unknown>;
  const metadata: HandlerMetadata = {
    streaming: isTaggedStreaming(tagged[STREAMING_HANDLER_SYMBOL], semantics.ricVersion),
    highWaterMark: readHighWaterMark(tagged[HIGH_WATER_MARK_SYMBOL], semantics.ricVersion),
    argsNum: handler.length,
  };
  if (semantics.refusesCallbackHandlers && metadata.argsNum >= 3 && !metadata.streaming) {
    throw new CallbackHandlerDeprecatedError(CALLBACK_HANDLER_DEPRECATED_MESSAGE);
  }
  return metadata;
}

/**
 * 3.3.0 treats only undefined, null and false as "not tagged"; 4.x any falsy value. For another
 * tag, 3.3.0 means to throw `MalformedStreamingHandler` but never imports that class in
 * `src/UserFunction.js`, so what it throws is a `ReferenceError`.
 */
function isTaggedStreaming(value: unknown, ric: '3.3.0' | '4.x'): boolean {
  const untagged =
    ric === '3.3.0' ? value === undefined || value === null || value === false : !value;
  if (untagged) return false;
  if (value === STREAMING_HANDLER_VALUE) return true;
  if (ric === '3.3.0') throw new ReferenceError('MalformedStreamingHandler is not defined');
  throw new MalformedStreamingHandler('Only response streaming is supported.');
}

function readHighWaterMark(value: unknown, ric: '3.3.0' | '4.x'): number | undefined {
  const unset = ric === '3.3.0' ? value === undefined || value === null || value === false : !value;
  if (unset) return undefined;
  const parsed = ric === '3.3.0' ? Number.parseInt(String(value), 10) : Number(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}
