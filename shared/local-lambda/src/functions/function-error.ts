/**
 * A function error as Lambda reports it: to a buffered Invoke as the response body, to
 * InvokeWithResponseStream in `InvokeComplete`, to a function URL as a 502.
 */

/** A function or runtime error, as Lambda reports it. */
export interface FunctionError {
  /** e.g. `Error`, `TypeError`, `Sandbox.Timedout`, `Runtime.ExitError`, `Function.ResponseSizeTooLarge` */
  errorType: string;
  errorMessage: string;
  /** The error document a buffered Invoke returns as its body (JSON bytes). */
  payload: Buffer;
}

/**
 * The JSON error document Lambda sends for the errors it makes itself, members in the given order.
 *
 * @example
 * ```ts
 * errorPayload(['errorType', 'Sandbox.Timedout'], ['errorMessage', 'Task timed out']);
 * ```
 */
export function errorPayload(first: [string, string], second: [string, string]): Buffer {
  return Buffer.from(JSON.stringify(Object.fromEntries([first, second])));
}
