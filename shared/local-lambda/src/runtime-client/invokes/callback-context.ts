/**
 * The `callback` and the `context.succeed/fail/done` of buffered handlers (RIC
 * `src/CallbackContext.js`). Only the first call of any of them counts. `callback(null, x)`
 * waits for the event loop to empty unless `context.callbackWaitsForEmptyEventLoop` is false;
 * `succeed/fail/done` (and so an async handler's result) post at once.
 */
import { beforeExitListener } from '../before-exit.js';
import { logError } from '../log-patch.js';
import type { RuntimeApiClient } from '../rapid-client/runtime-api-client.js';

/** Node-style callback handed to buffered handlers. */
export type HandlerCallback = (error?: unknown, result?: unknown) => void;

/** The part of the context object built here. */
export interface CallbackContext {
  callbackWaitsForEmptyEventLoop: boolean;
  succeed(result?: unknown): void;
  fail(error?: unknown): void;
  done(error?: unknown, result?: unknown): void;
}

/**
 * @param client - Posts the result or error.
 * @param id - The invocation's request id.
 * @param scheduleNext - Asks for the next invocation.
 * @returns `[callback, context, markCompleted]`; `markCompleted` makes later results no-ops.
 * @example
 * ```ts
 * const [callback, context, markCompleted] = buildCallbackContext(client, id, next);
 * ```
 */
export function buildCallbackContext(
  client: RuntimeApiClient,
  id: string,
  scheduleNext: () => void,
): [HandlerCallback, CallbackContext, () => void] {
  const reporter = createReporter(client, id);
  let waitForEmptyEventLoop = true;

  const callback: HandlerCallback = (error, result) => {
    beforeExitListener.reset();
    if (error !== undefined && error !== null) {
      reporter.postError(error, scheduleNext);
    } else if (!waitForEmptyEventLoop) {
      reporter.complete(result, scheduleNext);
    } else {
      beforeExitListener.set(() => setImmediate(() => reporter.complete(result, scheduleNext)));
    }
  };
  const done = (error?: unknown, result?: unknown) => {
    beforeExitListener.reset();
    if (error !== undefined && error !== null) reporter.postError(error, scheduleNext);
    else reporter.complete(result, scheduleNext);
  };

  const context: CallbackContext = {
    get callbackWaitsForEmptyEventLoop() {
      return waitForEmptyEventLoop;
    },
    set callbackWaitsForEmptyEventLoop(value) {
      waitForEmptyEventLoop = value;
    },
    succeed: (result) => done(null, result),
    // RIC: `fail()` without an error still fails, with the string 'handled'.
    fail: (error) => (error === undefined || error === null ? done('handled') : done(error, null)),
    done,
  };
  return onlyFirstCallCounts(callback, context, reporter.markCompleted);
}

/** Posts the outcome of one invocation; a second result is refused with RIC's message. */
function createReporter(client: RuntimeApiClient, id: string) {
  let isCompleteInvoked = false;
  return {
    postError: (error: unknown, callback: () => void) => {
      logError('Invoke Error', error);
      client.postInvocationError(error, id, callback);
    },
    complete: (result: unknown, callback: () => void) => {
      if (isCompleteInvoked) {
        console.error(
          'Invocation has already been reported as done. Cannot call complete more than once per invocation.',
        );
        return;
      }
      isCompleteInvoked = true;
      client.postInvocationResponse(result, id, callback);
    },
    markCompleted: () => {
      isCompleteInvoked = true;
    },
  };
}

/** RIC `_wrappedCallbackContext`: the first call wins (a call that throws does not count). */
function onlyFirstCallCounts(
  callback: HandlerCallback,
  context: CallbackContext,
  markCompleted: () => void,
): [HandlerCallback, CallbackContext, () => void] {
  let finished = false;
  const once =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      if (finished) return;
      fn(...args);
      finished = true;
    };
  context.succeed = once(context.succeed);
  context.fail = once(context.fail);
  context.done = once(context.done);
  return [once(callback), context, markCompleted];
}
