/**
 * The function's timeout: a timer on the clock the test uses (fake timers move it too), and what
 * a client is told when it strikes.
 */
import type { RuntimeErrorReport } from '@lambda-streaming/streaming/wire';
import type { StreamEnd } from './invocation-types.js';

/** What the deadline's promise resolves to. */
export const TIMED_OUT = Symbol('timed out');

/**
 * Starts the timer.
 *
 * @param timeoutMs - The function's timeout.
 * @returns `struck`, which resolves to {@link TIMED_OUT}, and `clear`.
 * @example
 * ```ts
 * const deadline = startDeadline(3000);
 * const first = await Promise.race([work, deadline.struck]);
 * deadline.clear();
 * ```
 */
export function startDeadline(timeoutMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const struck = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  return { struck, clear: () => clearTimeout(timer) };
}

/**
 * `Sandbox.Timedout`, with the message Lambda logs.
 *
 * @param timeoutMs - The function's timeout.
 * @returns The end of a stream cut by the timeout.
 * @example
 * ```ts
 * timeoutEnd(3000).error?.errorMessage; // 'Task timed out after 3.00 seconds'
 * ```
 */
export function timeoutEnd(timeoutMs: number): StreamEnd {
  const error: RuntimeErrorReport = {
    errorType: 'Sandbox.Timedout',
    errorMessage: `Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`,
  };
  return { kind: 'timeout', error };
}
