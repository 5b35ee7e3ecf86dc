/**
 * What an aws-lambda-ric 4.x invocation does at the Runtime API (`src/runtime/lifecycle-manager.ts`):
 * take the next event and build its context, post a result or an error one `setImmediate` after
 * the handler settled, and open or fail the streamed response. Failing a stream is not awaited:
 * the runtime may ask for the next event before the Runtime API has the trailers.
 */

import type { StreamingResponse } from '../rapid-client/response-stream.js';
import type { RuntimeApiClient } from '../rapid-client/runtime-api-client.js';
import { buildContext, type InvokeContext } from './context-builder.js';
import { logError } from './log-patch.js';

/** One event from `/next`, with its context. */
export interface Invocation {
  context: InvokeContext;
  event: unknown;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The Runtime API calls of one invocation, as the invoke processors use them.
 *
 * @example
 * ```ts
 * const lifecycle = new LifecycleManager(client);
 * const { context, event } = await lifecycle.next();
 * await lifecycle.succeed(context.awsRequestId, await handler(event, context));
 * ```
 */
export class LifecycleManager {
  constructor(readonly client: RuntimeApiClient) {}

  /** Waits for an event; a broken one (bad JSON, bad header) throws and ends the process. */
  async next(): Promise<Invocation> {
    const { bodyJson, headers } = await this.client.nextInvocation();
    const context = buildContext(headers);
    return { context, event: JSON.parse(bodyJson) as unknown };
  }

  /** Posts the result (a result that cannot be serialised throws `Runtime.JSONStringifyError`). */
  async succeed(requestId: string, result: unknown): Promise<void> {
    await nextTurn();
    await new Promise<void>((resolve) => {
      this.client.postInvocationResponse(result, requestId, resolve);
    });
  }

  /** Logs `Invoke Error` and posts the error to `/error`. */
  async fail(requestId: string, error: unknown): Promise<void> {
    await nextTurn();
    logError('Invoke Error', error);
    await new Promise<void>((resolve) => {
      this.client.postInvocationError(error, requestId, resolve);
    });
  }

  /** Logs `Invoke Error`, then sends the error as trailers without waiting for the answer. */
  async failResponseStream(stream: StreamingResponse, error: unknown): Promise<void> {
    await nextTurn();
    logError('Invoke Error', error);
    stream.fail(error, () => {});
  }

  /** Opens the streamed `/response` (sent with the handler's first write or `end()`). */
  setupResponseStream(requestId: string, highWaterMark: number | undefined): StreamingResponse {
    return this.client.streamInvocationResponse(requestId, highWaterMark);
  }
}
