/**
 * The invoke loop (RIC `src/Runtime.js`): one invocation at a time, each iteration started on
 * the next turn of the event loop; streaming handlers and buffered handlers take different
 * paths.
 */

import type { HandlerMetadata } from './handlers/handler-metadata.js';
import { handleOnceBuffered } from './invokes/buffered-invoke.js';
import type { InvokeLoop } from './invokes/invoke-loop.js';
import { handleOnceStreaming } from './invokes/streaming-invoke.js';
import type { RuntimeApiClient } from './rapid-client/runtime-api-client.js';
import type { ErrorCallbacks, Handler } from './types.js';

/** RIC's exit codes after reporting an uncaught exception / unhandled rejection. */
export const EXIT_UNCAUGHT_EXCEPTION = 129;
export const EXIT_UNHANDLED_REJECTION = 128;

/** Runs invocations for one loaded handler. */
export class Runtime implements InvokeLoop {
  readonly #handleOnce: () => Promise<void>;

  /**
   * @param client - The Runtime API client.
   * @param handler - The loaded handler.
   * @param metadata - Streaming or buffered, async or not.
   * @param errorCallbacks - Shared with the process listeners; retargeted per invocation.
   */
  constructor(
    readonly client: RuntimeApiClient,
    readonly handler: Handler,
    readonly metadata: HandlerMetadata,
    readonly errorCallbacks: ErrorCallbacks,
  ) {
    this.#handleOnce = metadata.streaming
      ? () => handleOnceStreaming(this)
      : () => handleOnceBuffered(this);
  }

  /** Starts the next iteration on the next turn of the event loop. */
  scheduleIteration(): void {
    setImmediate(() => {
      this.#handleOnce().then(
        // Success is a no-op: the invocation itself schedules the next one.
        () => {},
        // Only a Runtime API failure or a runtime bug gets here (RIC): print it, report it.
        (error: unknown) => {
          console.log(`Unexpected Top Level Error: ${String(error)}`);
          this.errorCallbacks.uncaughtException(error);
        },
      );
    });
  }

  /** Points uncaught errors at the current invocation's `/error` (RIC `_setErrorCallbacks`). */
  setErrorCallbacks(invokeId: string): void {
    this.errorCallbacks.uncaughtException = (error) => {
      this.client.postInvocationError(error, invokeId, () => process.exit(EXIT_UNCAUGHT_EXCEPTION));
    };
    this.errorCallbacks.unhandledRejection = (error) => {
      this.client.postInvocationError(error, invokeId, () =>
        process.exit(EXIT_UNHANDLED_REJECTION),
      );
    };
  }
}
