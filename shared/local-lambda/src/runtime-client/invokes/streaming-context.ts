/**
 * The context of streaming handlers (RIC `src/StreamingContext.js`): no succeed/fail/done, a
 * `callbackWaitsForEmptyEventLoop` flag that decides when the next invocation is requested,
 * and a one-time `createStream` that the invoke loop removes before the handler sees it.
 */
import {
  type HandlerStreamView,
  InvalidStreamingOperation,
} from '@lambda-streaming/streaming/wire';
import { beforeExitListener } from '../before-exit.js';
import { logError } from '../log-patch.js';
import type { RuntimeApiClient } from '../rapid-client/runtime-api-client.js';

/** What `createStream` gives the invoke loop. */
export interface InvocationStream {
  responseStream: HandlerStreamView;
  /** Resolves when the Runtime API has answered the streamed POST. */
  rapidResponse: Promise<void>;
  /** Reports the invocation done: next `/next` now, or once the event loop is empty. */
  scheduleNext(): void;
  /** Logs `Invoke Error`, sends the error as trailers, ends the stream. */
  fail(error: unknown, callback: () => void): void;
}

/** The streaming context before the environment data is attached. */
export interface StreamingContext {
  callbackWaitsForEmptyEventLoop: boolean;
  createStream?: () => InvocationStream;
}

/**
 * @param client - Opens the streamed response.
 * @param id - The invocation's request id.
 * @param scheduleNext - Asks for the next invocation.
 * @param highWaterMark - From `streamifyResponse(handler, { highWaterMark })`.
 * @returns The context object.
 * @example
 * ```ts
 * const context = buildStreamingContext(client, id, next);
 * const { responseStream } = context.createStream?.() ?? fail();
 * ```
 */
export function buildStreamingContext(
  client: RuntimeApiClient,
  id: string,
  scheduleNext: () => void,
  highWaterMark?: number,
): StreamingContext {
  let waitForEmptyEventLoop = true;
  let isStreamCreated = false;
  const scheduleNextNow = () => {
    if (!waitForEmptyEventLoop) scheduleNext();
    else beforeExitListener.set(() => setImmediate(scheduleNext));
  };

  return {
    get callbackWaitsForEmptyEventLoop() {
      return waitForEmptyEventLoop;
    },
    set callbackWaitsForEmptyEventLoop(value) {
      waitForEmptyEventLoop = value;
    },
    createStream: () => {
      if (isStreamCreated) {
        throw new InvalidStreamingOperation(
          'Cannot create stream for the same StreamingContext more than once.',
        );
      }
      const response = client.streamInvocationResponse(id, highWaterMark);
      isStreamCreated = true;
      return {
        responseStream: response.responseStream,
        rapidResponse: response.responseDone,
        fail: (error, callback) => {
          logError('Invoke Error', error);
          response.fail(error, callback);
        },
        scheduleNext: () => {
          beforeExitListener.reset();
          scheduleNextNow();
        },
      };
    },
  };
}
