/**
 * What differs between the Node.js managed runtimes for a streaming handler, read from the
 * official runtime interface client (RIC): `nodejs22.x` runs aws-lambda-ric 3.3.0 (`src/*.js`),
 * `nodejs24.x` runs the TypeScript rewrite, aws-lambda-ric 4.x (`src/stream/*`, `src/runtime/*`,
 * `src/function/callback-deprecation.ts`). Everything not listed here is the same in both.
 */

/**
 * A Node.js runtime identifier, as a SAM template's `Runtime` names it.
 *
 * @example
 * ```ts
 * const runtime: NodeRuntime = 'nodejs24.x';
 * ```
 */
export type NodeRuntime = 'nodejs22.x' | 'nodejs24.x';

/**
 * The runtimes whose semantics are reproduced, oldest first.
 *
 * @example
 * ```ts
 * for (const runtime of NODE_RUNTIMES) console.log(runtimeSemantics(runtime).ricVersion);
 * ```
 */
export const NODE_RUNTIMES: readonly NodeRuntime[] = ['nodejs22.x', 'nodejs24.x'];

/** The behaviours of one runtime that a streaming handler can tell apart. */
export interface RuntimeSemantics {
  runtime: NodeRuntime;
  /** The aws-lambda-ric release the runtime runs. */
  ricVersion: '3.3.0' | '4.x';
  /**
   * Which chunks `write()` passes through as bytes: strings, Buffers and values whose
   * constructor is exactly `Uint8Array` (3.3.0), or any `Uint8Array` instance (4.x). Others
   * are `JSON.stringify`-ed.
   */
  binaryChunks: 'exactly-uint8array' | 'any-uint8array';
  /** 3.3.0 wraps `end` so it takes one argument (`end(chunk)` or `end(callback)`), 4.x does not. */
  endTakesOneArgument: boolean;
  /**
   * After the stream ends, the next invocation waits for an empty event loop unless the handler
   * set `context.callbackWaitsForEmptyEventLoop = false` (3.3.0). 4.x does not wait, and its
   * context has no such flag.
   */
  waitsForEmptyEventLoop: boolean;
  /** 4.x refuses, at init, a handler with 3 or more parameters that is not streaming. */
  refusesCallbackHandlers: boolean;
  /**
   * The runtime's own failures ("Streaming does not support non-async handlers.") are reported
   * as a plain string, so with error type `string` (3.3.0), or as an `Error` (4.x).
   */
  runtimeFailuresAreErrors: boolean;
  /** 4.x waits one `setImmediate` before it logs the error and sends the trailers. */
  failsOnNextTurn: boolean;
  /**
   * 3.3.0 installs process-wide `uncaughtException`, `unhandledRejection` and `beforeExit`
   * listeners (it reports the error to the Runtime API, then exits 129 / 128); 4.x installs none,
   * so Node's default applies: the error on stderr, exit code 1, and the platform reports
   * `Runtime.ExitError`.
   */
  processErrorListeners: boolean;
  /**
   * 4.x sets `name` on each runtime error it creates (an own enumerable property, so the JSON of
   * `Invoke Error` / `Init Error` log lines has a `"name"` key); 3.3.0 names them on the prototype.
   */
  ownErrorNames: boolean;
  /** What log lines show as request id outside an invocation (during init). */
  requestIdOutsideInvocation: 'undefined' | '-';
  /**
   * The class whose method the handler is called as, which V8 prints in the handler's stack
   * frames: `Runtime.handler` (3.3.0) or `BufferedInvokeProcessor.handler` /
   * `StreamingInvokeProcessor.handler` (4.x).
   */
  handlerReceivers: { buffered: string; streaming: string };
}

const SEMANTICS: Record<NodeRuntime, RuntimeSemantics> = {
  'nodejs22.x': {
    runtime: 'nodejs22.x',
    ricVersion: '3.3.0',
    binaryChunks: 'exactly-uint8array',
    endTakesOneArgument: true,
    waitsForEmptyEventLoop: true,
    refusesCallbackHandlers: false,
    runtimeFailuresAreErrors: false,
    failsOnNextTurn: false,
    processErrorListeners: true,
    ownErrorNames: false,
    requestIdOutsideInvocation: 'undefined',
    handlerReceivers: { buffered: 'Runtime', streaming: 'Runtime' },
  },
  'nodejs24.x': {
    runtime: 'nodejs24.x',
    ricVersion: '4.x',
    binaryChunks: 'any-uint8array',
    endTakesOneArgument: false,
    waitsForEmptyEventLoop: false,
    refusesCallbackHandlers: true,
    runtimeFailuresAreErrors: true,
    failsOnNextTurn: true,
    processErrorListeners: false,
    ownErrorNames: true,
    requestIdOutsideInvocation: '-',
    handlerReceivers: {
      buffered: 'BufferedInvokeProcessor',
      streaming: 'StreamingInvokeProcessor',
    },
  },
};

/**
 * The semantics of one runtime.
 *
 * @param runtime - `nodejs22.x` or `nodejs24.x`.
 * @returns Its row of the table; throws a TypeError naming the supported runtimes otherwise.
 * @example
 * ```ts
 * runtimeSemantics('nodejs24.x').waitsForEmptyEventLoop; // false
 * ```
 */
export function runtimeSemantics(runtime: NodeRuntime): RuntimeSemantics {
  const semantics = SEMANTICS[runtime];
  if (!semantics) {
    throw new TypeError(
      `Unsupported runtime '${String(runtime)}': use one of ${NODE_RUNTIMES.join(', ')}`,
    );
  }
  return semantics;
}

/**
 * Whose semantics a runtime process follows, from the `AWS_EXECUTION_ENV` Lambda sets
 * (`AWS_Lambda_nodejs24.x`): `nodejs24.x` and later run aws-lambda-ric 4.x, anything else (older
 * Node.js runtimes, or no value at all) the 3.3.0 semantics of `nodejs22.x`.
 *
 * @param executionEnv - The value of `AWS_EXECUTION_ENV`.
 * @returns The runtime whose row of the table applies.
 * @example
 * ```ts
 * nodeRuntimeOfExecutionEnv('AWS_Lambda_nodejs24.x'); // 'nodejs24.x'
 * ```
 */
export function nodeRuntimeOfExecutionEnv(executionEnv: string | undefined): NodeRuntime {
  const major = /^AWS_Lambda_nodejs(\d+)\.x$/.exec(executionEnv ?? '')?.[1];
  return Number(major) >= 24 ? 'nodejs24.x' : 'nodejs22.x';
}

/**
 * The message of `Runtime.CallbackHandlerDeprecated`, as aws-lambda-ric 4.x words it for
 * `nodejs24.x` and later (`src/function/callback-deprecation.ts`).
 *
 * @example
 * ```ts
 * throw new CallbackHandlerDeprecatedError(CALLBACK_HANDLER_DEPRECATED_MESSAGE);
 * ```
 */
export const CALLBACK_HANDLER_DEPRECATED_MESSAGE =
  'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';

/**
 * The message of `Runtime.CallbackHandlerDeprecated` when aws-lambda-ric 4.x runs with
 * `AWS_EXECUTION_ENV=AWS_Lambda_nodejs22.x` (Lambda Managed Instances only;
 * `src/context/constants.ts` `CALLBACK_ERROR_NODEJS22`).
 *
 * @example
 * ```ts
 * const message = onNode22 ? CALLBACK_HANDLER_DEPRECATED_MESSAGE_NODEJS22 : CALLBACK_HANDLER_DEPRECATED_MESSAGE;
 * ```
 */
export const CALLBACK_HANDLER_DEPRECATED_MESSAGE_NODEJS22 =
  'ERROR: AWS Lambda does not support callback-based function handlers when using Node.js 22 with Managed Instances. To use Managed Instances, modify this function to use a supported handler signature. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';

/**
 * The message both runtimes use when a streaming handler does not return a promise.
 *
 * @example
 * ```ts
 * if (!isPromise(result)) fail(NON_ASYNC_STREAMING_HANDLER_MESSAGE);
 * ```
 */
export const NON_ASYNC_STREAMING_HANDLER_MESSAGE = 'Streaming does not support non-async handlers.';

/**
 * The warning both runtimes log when a streaming handler resolves to a value.
 *
 * @example
 * ```ts
 * if ((await result) !== undefined) console.warn(IGNORED_RETURN_VALUE_WARNING);
 * ```
 */
export const IGNORED_RETURN_VALUE_WARNING = 'Streaming handlers ignore return values.';
