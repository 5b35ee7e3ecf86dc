/**
 * What one invocation needs from the invoke loop (RIC `src/Runtime.js`): the Runtime API client,
 * the handler and its metadata, a way to schedule the next iteration and to point uncaught errors
 * at the current invocation. The loop implements it; the invocation paths only see this.
 */
import type { HandlerMetadata } from '../handlers/handler-metadata.js';
import type { RuntimeApiClient } from '../rapid-client/runtime-api-client.js';
import type { Handler } from '../types.js';

/** The invoke loop, as `handleOnceStreaming` and `handleOnceBuffered` use it. */
export interface InvokeLoop {
  readonly client: RuntimeApiClient;
  readonly handler: Handler;
  readonly metadata: HandlerMetadata;
  /** Starts the next iteration on the next turn of the event loop. */
  scheduleIteration(): void;
  /** Points uncaught errors at the invocation's `/error` (RIC `_setErrorCallbacks`). */
  setErrorCallbacks(invokeId: string): void;
}

/**
 * RIC `_isPromise`: anything with a `then` method.
 *
 * @param value - A handler's return value.
 * @returns Whether to treat it as a promise.
 * @example
 * ```ts
 * if (isThenable(result)) await result;
 * ```
 */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return Boolean(value && typeof (value as { then?: unknown }).then === 'function');
}
