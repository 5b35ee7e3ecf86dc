/**
 * The runtime's error classes and its `Invoke Error` log format, as RIC `src/Errors.js` (3.3.0)
 * has them. The error document for the Runtime API (`/error`, `/init/error`, stream trailers,
 * RIC `toRapidResponse`) is the wire's `formatRuntimeError`.
 */
import { formatRuntimeError, type NodeRuntime } from '@lambda-streaming/streaming/wire';
import { RIC_330_RUNTIME } from './node-runtime.js';

/** RIC `ImportModuleError`: the handler's module cannot be found. */
export class ImportModuleError extends Error {}
/** RIC `HandlerNotFound`: the module does not export the handler, or it is not a function. */
export class HandlerNotFound extends Error {}
/** RIC `MalformedHandlerName`: `_HANDLER` is not `module.function` or contains `..`. */
export class MalformedHandlerName extends Error {}
/** RIC `UserCodeSyntaxError`: the handler's module does not parse. */
export class UserCodeSyntaxError extends Error {}

/** RIC `NodeJsExit`: an async handler's promise never settled before the event loop emptied. */
export class NodeJsExit extends Error {
  constructor() {
    super(
      'The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes',
    );
  }
}

/** RIC `UnhandledPromiseRejection`: wraps the reason of an unhandled rejection. */
export class UnhandledPromiseRejection extends Error {
  readonly reason: unknown;
  readonly promise: Promise<unknown>;

  constructor(reason: unknown, promise: Promise<unknown>) {
    // Error's constructor stringifies the reason, as RIC's `super(reason)` does.
    super(reason as string);
    this.reason = reason;
    this.promise = promise;
  }
}

// RIC names the classes on their prototypes, so `name` and the stack header read `Runtime.X`.
for (const errorClass of [
  ImportModuleError,
  HandlerNotFound,
  MalformedHandlerName,
  UserCodeSyntaxError,
  NodeJsExit,
  UnhandledPromiseRejection,
]) {
  errorClass.prototype.name = `Runtime.${errorClass.name}`;
}

/**
 * Formats an error for the `Invoke Error` / `Uncaught Exception` log lines (RIC `toFormatted`):
 * a tab, then JSON with `errorType`, `errorMessage`, the error's own enumerable properties and
 * `stack` as an array of lines.
 *
 * @param error - An Error (see {@link intoError}).
 * @param runtime - Whose error report stands in when the error cannot be serialised (the only
 *   difference between 3.3.0 and 4.x here).
 * @returns The text after the log message.
 * @example
 * ```ts
 * console.error('Invoke Error', toFormatted(intoError(err)));
 * ```
 */
export function toFormatted(error: unknown, runtime: NodeRuntime = RIC_330_RUNTIME): string {
  try {
    return `\t${JSON.stringify(error, (_key, value) => withEnumerableProperties(value))}`;
  } catch {
    return `\t${JSON.stringify(formatRuntimeError(error, runtime))}`;
  }
}

/**
 * RIC `intoError`: Errors pass through, anything else becomes `new Error(value)`.
 *
 * @param error - What was thrown.
 * @returns An Error.
 * @example
 * ```ts
 * intoError('boom').message; // 'boom'
 * ```
 */
export function intoError(error: unknown): Error {
  return error instanceof Error ? error : new Error(error as string);
}

function withEnumerableProperties(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const formatted = Object.assign(
    {
      errorType: value.name,
      errorMessage: value.message,
      code: (value as { code?: unknown }).code,
    },
    value,
  ) as unknown as Record<string, unknown>;
  if (typeof value.stack === 'string') formatted.stack = value.stack.split('\n');
  return formatted;
}
