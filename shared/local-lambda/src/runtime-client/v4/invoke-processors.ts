/**
 * The two ways aws-lambda-ric 4.x runs one event (`src/runtime/buffered-invoke-processor.ts`,
 * `streaming-invoke-processor.ts`). The handler is called as a method of the processor, so its
 * stack frames read `BufferedInvokeProcessor.handler` / `StreamingInvokeProcessor.handler`.
 * Neither waits for anything the handler left pending: the invocation is over once the result
 * is posted, or once the Runtime API has answered the streamed POST.
 */

import type { HandlerStreamView } from '@lambda-streaming/streaming/wire';
import {
  IGNORED_RETURN_VALUE_WARNING,
  NON_ASYNC_STREAMING_HANDLER_MESSAGE,
} from '@lambda-streaming/streaming/wire';
import type { InvokeContext } from './context-builder.js';
import type { LifecycleManager } from './lifecycle.js';

type BufferedHandler = (event: unknown, context: InvokeContext) => unknown;
type StreamingHandler = (
  event: unknown,
  stream: HandlerStreamView,
  context: InvokeContext,
) => unknown;

/** Runs one event through a processor. */
export interface InvokeProcessor {
  processInvoke(context: InvokeContext, event: unknown): Promise<void>;
}

/**
 * `(event, context)`; the awaited result goes to `/response`, a throw or rejection to `/error`.
 *
 * @example
 * ```ts
 * await new BufferedInvokeProcessor(handler, lifecycle).processInvoke(context, event);
 * ```
 */
export class BufferedInvokeProcessor implements InvokeProcessor {
  constructor(
    readonly handler: BufferedHandler,
    readonly lifecycle: LifecycleManager,
  ) {}

  async processInvoke(context: InvokeContext, event: unknown): Promise<void> {
    try {
      const result = await this.handler(event, context);
      await this.lifecycle.succeed(context.awsRequestId, result);
    } catch (error) {
      await this.lifecycle.fail(context.awsRequestId, error);
    }
  }
}

/**
 * `(event, responseStream, context)`; must return a promise; failures travel as trailers.
 *
 * @example
 * ```ts
 * await new StreamingInvokeProcessor(handler, lifecycle, undefined).processInvoke(context, event);
 * ```
 */
export class StreamingInvokeProcessor implements InvokeProcessor {
  constructor(
    readonly handler: StreamingHandler,
    readonly lifecycle: LifecycleManager,
    readonly highWaterMark: number | undefined,
  ) {}

  async processInvoke(context: InvokeContext, event: unknown): Promise<void> {
    const stream = this.lifecycle.setupResponseStream(context.awsRequestId, this.highWaterMark);
    try {
      const handlerResult = this.handler(event, stream.responseStream, context);
      await this.waitForStreamClosure(handlerResult, stream.responseDone, stream.responseStream);
    } catch (error) {
      await this.lifecycle.failResponseStream(stream, error);
    }
  }

  async waitForStreamClosure(
    handlerResult: unknown,
    rapidResponse: Promise<void>,
    responseStream: HandlerStreamView,
  ): Promise<void> {
    // 4.x accepts only objects with a `then` (3.3.0: anything with a `then`), and throws an
    // Error where 3.3.0 failed with a string.
    if (!isPromise(handlerResult)) throw new Error(NON_ASYNC_STREAMING_HANDLER_MESSAGE);
    const result = await handlerResult;
    if (typeof result !== 'undefined') console.warn(IGNORED_RETURN_VALUE_WARNING);
    // The Runtime API answers once the body is complete: a stream never ended waits here until
    // the function times out, as on Lambda.
    await rapidResponse;
    if (!responseStream.writableFinished) throw new Error('Response stream is not finished.');
  }
}

function isPromise(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
