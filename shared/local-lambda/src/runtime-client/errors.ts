/**
 * The runtime's error classes and the two ways it serialises errors, as RIC `src/Errors.js`
 * (3.3.0) does: `toRapidResponse` for the Runtime API (`/error`, `/init/error`, stream
 * trailers) and `toFormatted` for the `Invoke Error` log line.
 */
import { types } from 'node:util';

/** The error document posted to the Runtime API (RIC `toRapidResponse`). */
export interface RapidErrorResponse {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

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
 * Turns anything thrown into the Runtime API's error document (RIC `toRapidResponse`): Errors
 * keep name, message and stack lines (`\x7F` escaped as `%7F`, because the type travels in a
 * header); other values give `typeof` and `toString()`.
 *
 * @param error - What the handler threw or rejected with.
 * @returns `{ errorType, errorMessage, trace }`.
 * @example
 * ```ts
 * toRapidResponse('a string'); // { errorType: 'string', errorMessage: 'a string', trace: [] }
 * ```
 */
export function toRapidResponse(error: unknown): RapidErrorResponse {
  try {
    if (types.isNativeError(error) || isErrorLike(error)) {
      return {
        errorType: error.name?.replaceAll('\x7F', '%7F'),
        errorMessage: error.message?.replaceAll('\x7F', '%7F'),
        trace: (error.stack as string).replaceAll('\x7F', '%7F').split('\n'),
      };
    }
    return {
      errorType: typeof error,
      errorMessage: (error as { toString(): string }).toString(),
      trace: [],
    };
  } catch {
    return {
      errorType: 'handled',
      errorMessage:
        'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
    };
  }
}

/**
 * Formats an error for the `Invoke Error` / `Uncaught Exception` log lines (RIC `toFormatted`):
 * a tab, then JSON with `errorType`, `errorMessage`, the error's own enumerable properties and
 * `stack` as an array of lines.
 *
 * @param error - An Error (see {@link intoError}).
 * @returns The text after the log message.
 * @example
 * ```ts
 * console.error('Invoke Error', toFormatted(intoError(err)));
 * ```
 */
export function toFormatted(error: unknown): string {
  try {
    return `\t${JSON.stringify(error, (_key, value) => withEnumerableProperties(value))}`;
  } catch {
    return `\t${JSON.stringify(toRapidResponse(error))}`;
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
