/**
 * The runtime errors of aws-lambda-ric 4.x (`src/utils/errors.ts`). Unlike 3.3.0, each sets
 * `name` as an own enumerable property in its constructor, so the JSON of `Invoke Error` and
 * `Init Error` log lines carries a `"name"` key; a syntax error keeps the original stack.
 * `Runtime.MalformedStreamingHandler` and `Runtime.CallbackHandlerDeprecated` come from the wire.
 */

/** 4.x `HandlerNotFoundError`. */
export class HandlerNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Runtime.HandlerNotFound';
  }
}

/** 4.x `MalformedHandlerNameError`. */
export class MalformedHandlerNameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Runtime.MalformedHandlerName';
  }
}

/** 4.x `ImportModuleError`: the message is `String(originalError)`. */
export class ImportModuleError extends Error {
  constructor(originalError: unknown) {
    super(String(originalError));
    this.name = 'Runtime.ImportModuleError';
  }
}

/** 4.x `UserCodeSyntaxError`: the stack is the SyntaxError's (file, line, source, caret). */
export class UserCodeSyntaxError extends Error {
  constructor(originalError: Error) {
    super(String(originalError));
    this.name = 'Runtime.UserCodeSyntaxError';
    this.stack = originalError.stack;
  }
}

/**
 * 4.x `JSONStringifyError`: a buffered result that `JSON.stringify` cannot serialise.
 *
 * @example
 * ```ts
 * throw new JSONStringifyError();
 * ```
 */
export class JSONStringifyError extends Error {
  constructor(message = 'Unable to stringify response body') {
    super(message);
    this.name = 'Runtime.JSONStringifyError';
  }
}

/**
 * 4.x `PlatformError`: the environment or the Runtime API broke the contract (a missing
 * variable, a bad header). Thrown outside any invocation, it ends the process (exit code 1).
 *
 * @example
 * ```ts
 * throw new PlatformError('_HANDLER environment variable is not set');
 * ```
 */
export class PlatformError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Runtime.PlatformError';
  }
}

/**
 * 4.x `intoError`: Errors pass through, anything else becomes `new Error(String(value))` (3.3.0:
 * `new Error(value)`, so `undefined` gives an empty message there and `"undefined"` here).
 *
 * @param error - What was thrown.
 * @returns An Error.
 * @example
 * ```ts
 * intoError(undefined).message; // 'undefined'
 * ```
 */
export function intoError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
