/**
 * How the Node.js runtimes turn a failure into the error a client receives (the
 * `Lambda-Runtime-Function-Error-Type` and `-Body` trailers of a streamed response), and the
 * runtime errors a streaming handler can meet at init. aws-lambda-ric 3.3.0: `src/Errors.js`
 * `toRapidResponse`; 4.x: `src/utils/error.ts` `formatError`, `src/utils/errors.ts`.
 */
import { types } from 'node:util';
import { type NodeRuntime, runtimeSemantics } from './node-runtimes.js';

/**
 * The error JSON a runtime reports: `errorType` becomes the error-type trailer (and the SDK's
 * `InvokeComplete.ErrorCode`), the whole object, base64-encoded, the error-body trailer.
 */
export interface RuntimeErrorReport {
  errorType: string;
  errorMessage: string;
  /** The stack, one line per entry; absent only in 3.3.0's `handled` fallback. */
  trace?: string[];
}

const UNREADABLE_ERROR_MESSAGE =
  'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack';

/**
 * Formats what a handler threw (or the runtime's own failure) as the given runtime does.
 *
 * 3.3.0 treats native errors and any object with string `name`, `message` and `stack` as errors,
 * and calls `toString()` on other values (so `throw undefined` falls back to `handled`); 4.x
 * treats `Error` instances as errors and `String()`s the rest. Both replace DEL (0x7F) with `%7F`.
 *
 * @param error - The thrown value.
 * @param runtime - Whose formatting to apply.
 * @returns The report sent in the trailers.
 * @example
 * ```ts
 * formatRuntimeError('a string', 'nodejs22.x'); // { errorType: 'string', errorMessage: 'a string', trace: [] }
 * ```
 */
export function formatRuntimeError(error: unknown, runtime: NodeRuntime): RuntimeErrorReport {
  return runtimeSemantics(runtime).ricVersion === '3.3.0' ? formatAs330(error) : formatAs4x(error);
}

function formatAs330(error: unknown): RuntimeErrorReport {
  try {
    if (types.isNativeError(error) || isErrorLike(error)) {
      return {
        errorType: escapeDel(error.name),
        errorMessage: escapeDel(error.message),
        trace: escapeDel(error.stack as string).split('\n'),
      };
    }
    return {
      errorType: typeof error,
      errorMessage: (error as { toString(): string }).toString(),
      trace: [],
    };
  } catch {
    return { errorType: 'handled', errorMessage: UNREADABLE_ERROR_MESSAGE };
  }
}

function formatAs4x(error: unknown): RuntimeErrorReport {
  try {
    // `instanceof Error` in 4.x; native errors from another realm (a test runner's vm context)
    // are errors too here, as they would be in the single realm of a Lambda function.
    if (error instanceof Error || types.isNativeError(error)) {
      return {
        errorType: escapeDel(error.name),
        errorMessage: escapeDel(error.message),
        trace: error.stack ? escapeDel(error.stack).split('\n') : [],
      };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch {
    return { errorType: 'handled', errorMessage: UNREADABLE_ERROR_MESSAGE, trace: [] };
  }
}

function escapeDel<T extends string | undefined>(text: T): T {
  return text?.replaceAll('\x7F', '%7F') as T;
}

function isErrorLike(value: unknown): value is Error {
  const candidate = value as Partial<Error> | null | undefined;
  return Boolean(
    candidate?.name &&
      candidate.message &&
      candidate.stack &&
      typeof candidate.name === 'string' &&
      typeof candidate.message === 'string' &&
      typeof candidate.stack === 'string',
  );
}

/**
 * Thrown at init when a handler carries the streaming tag with a value other than `response`
 * (only 4.x throws it; 3.3.0 fails with a `ReferenceError` instead). As in 4.x
 * (`src/utils/errors.ts`), `name` is an own enumerable property, so error log lines show it.
 *
 * @example
 * ```ts
 * throw new MalformedStreamingHandler('Only response streaming is supported.');
 * ```
 */
export class MalformedStreamingHandler extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Runtime.MalformedStreamingHandler';
  }
}

/**
 * Thrown at init by `nodejs24.x` for a callback-style handler (3 or more parameters, not
 * streaming), with {@link CALLBACK_HANDLER_DEPRECATED_MESSAGE}.
 *
 * @example
 * ```ts
 * throw new CallbackHandlerDeprecatedError(CALLBACK_HANDLER_DEPRECATED_MESSAGE);
 * ```
 */
export class CallbackHandlerDeprecatedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Runtime.CallbackHandlerDeprecated';
  }
}
