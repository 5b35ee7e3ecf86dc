/**
 * The function errors an invocation reports itself, in the shapes Lambda gives them (spec §3.6,
 * §3.7, §11): timeouts, a runtime that exits or cannot start, oversized and truncated responses.
 */
import type { ProcessExit } from '../environments/environment-call.js';
import { errorPayload, type FunctionError } from '../functions/function-error.js';

/** Signal names as Go's `os.ProcessState.String()` prints them, which RAPID's messages use. */
const GO_SIGNAL_NAMES: Partial<Record<NodeJS.Signals, string>> = {
  SIGKILL: 'killed',
  SIGABRT: 'aborted',
  SIGTERM: 'terminated',
  SIGINT: 'interrupt',
  SIGSEGV: 'segmentation fault',
  SIGBUS: 'bus error',
  SIGILL: 'illegal instruction',
  SIGFPE: 'floating point exception',
  SIGHUP: 'hangup',
  SIGPIPE: 'broken pipe',
  SIGTRAP: 'trace/breakpoint trap',
};

/** `exit status 1`, `signal: killed`: how RAPID describes a runtime's end. */
export function describeExit(exit: ProcessExit): string {
  if (exit.signal) return `signal: ${GO_SIGNAL_NAMES[exit.signal] ?? exit.signal.toLowerCase()}`;
  return `exit status ${exit.code ?? 0}`;
}

/**
 * `Sandbox.Timedout`, as a buffered Invoke reports it (spec §11).
 *
 * @example
 * ```ts
 * timeoutError('c0ffee', 3).errorMessage; // 'Task timed out after 3.00 seconds'
 * ```
 */
export function timeoutError(requestId: string, timeoutSeconds: number): FunctionError {
  const errorMessage = `Task timed out after ${timeoutSeconds.toFixed(2)} seconds`;
  return {
    errorType: 'Sandbox.Timedout',
    errorMessage,
    payload: errorPayload(
      ['errorMessage', `RequestId: ${requestId} Error: ${errorMessage}`],
      ['errorType', 'Sandbox.Timedout'],
    ),
  };
}

/**
 * `Runtime.ExitError`: the runtime process ended during the invocation (or its Init). UNCONFIRMED
 * (spec §5): running out of memory may show as `Runtime.OutOfMemory` / `signal: killed` on Lambda
 * (cgroup kill); here V8's heap limit aborts the process (`signal: aborted`).
 */
export function exitError(requestId: string, exit: ProcessExit): FunctionError {
  if (exit.spawnError) return entrypointError(requestId, exit.spawnError);
  const errorMessage = `RequestId: ${requestId} Error: Runtime exited with error: ${describeExit(exit)}`;
  return {
    errorType: 'Runtime.ExitError',
    errorMessage,
    payload: errorPayload(['errorType', 'Runtime.ExitError'], ['errorMessage', errorMessage]),
  };
}

/** `Runtime.InvalidEntrypoint`: the runtime command could not be started. */
export function entrypointError(requestId: string, cause: Error): FunctionError {
  const errorMessage = `RequestId: ${requestId} Error: ${cause.message}`;
  return {
    errorType: 'Runtime.InvalidEntrypoint',
    errorMessage,
    payload: errorPayload(
      ['errorType', 'Runtime.InvalidEntrypoint'],
      ['errorMessage', errorMessage],
    ),
  };
}

/** `Function.ResponseSizeTooLarge`, with RAPID's message (spec §3.7, RIE `interop/model.go`). */
export function responseSizeError(responseBytes: number, maxBytes: number): FunctionError {
  const errorMessage = `Response payload size (${responseBytes} bytes) exceeded maximum allowed payload size (${maxBytes} bytes).`;
  return {
    errorType: 'Function.ResponseSizeTooLarge',
    errorMessage,
    payload: errorPayload(
      ['errorType', 'Function.ResponseSizeTooLarge'],
      ['errorMessage', errorMessage],
    ),
  };
}

/**
 * A streamed response whose connection broke before its end without the runtime exiting.
 * UNCONFIRMED (spec §2.5): RAPID names it `Runtime.TruncatedResponse`; the message is ours.
 */
export function truncatedResponseError(requestId: string): FunctionError {
  const errorMessage = `RequestId: ${requestId} Error: Runtime.TruncatedResponse`;
  return {
    errorType: 'Runtime.TruncatedResponse',
    errorMessage,
    payload: errorPayload(
      ['errorType', 'Runtime.TruncatedResponse'],
      ['errorMessage', errorMessage],
    ),
  };
}
