/**
 * One streaming invocation (RIC `src/Runtime.js` `handleOnceStreaming`, spec §1.5): the handler
 * gets `(event, responseStream, context)` and must return a promise; failures travel as
 * trailers on the streamed `/response`, never to `/error`.
 */
import {
  IGNORED_RETURN_VALUE_WARNING,
  NON_ASYNC_STREAMING_HANDLER_MESSAGE,
} from '@lambda-streaming/streaming/wire';
import { beforeExitListener } from '../before-exit.js';
import { InvokeContext } from './invoke-context.js';
import { type InvokeLoop, isThenable } from './invoke-loop.js';
import { buildStreamingContext, type InvocationStream } from './streaming-context.js';

/**
 * Waits for an event, runs the streaming handler, and schedules the next iteration once the
 * Runtime API has the whole response (or the failure).
 *
 * @param runtime - The invoke loop.
 * @example
 * ```ts
 * await handleOnceStreaming(runtime);
 * ```
 */
export async function handleOnceStreaming(runtime: InvokeLoop): Promise<void> {
  const { bodyJson, headers } = await runtime.client.nextInvocation();
  const invokeContext = new InvokeContext(headers);
  invokeContext.updateLoggingContext();
  const invokeId = invokeContext.invokeId;

  const streamingContext = buildStreamingContext(
    runtime.client,
    invokeId,
    () => runtime.scheduleIteration(),
    runtime.metadata.highWaterMark || undefined,
  );
  const stream = (streamingContext.createStream as () => InvocationStream)();
  delete streamingContext.createStream;

  try {
    runtime.setErrorCallbacks(invokeId);
    // Until the invocation reports, an empty event loop just means: ask for the next event.
    beforeExitListener.set(() => runtime.scheduleIteration());
    const context = invokeContext.attachEnvironmentData(streamingContext);
    const event = JSON.parse(bodyJson);
    const handlerResult = runtime.handler(event, stream.responseStream, context);
    await finishInvocation(handlerResult, stream);
  } catch (error) {
    stream.fail(error, stream.scheduleNext);
  }
}

async function finishInvocation(handlerResult: unknown, stream: InvocationStream): Promise<void> {
  if (!isThenable(handlerResult)) {
    // If the handler already ended the stream, the trailers cannot go out: only the log line.
    // A string on nodejs22.x, so the trailer's error type is `string` (RIC 3.3.0).
    stream.fail(NON_ASYNC_STREAMING_HANDLER_MESSAGE, stream.scheduleNext);
    return;
  }
  const result = await handlerResult;
  if (typeof result !== 'undefined') {
    console.warn(IGNORED_RETURN_VALUE_WARNING);
  }
  // The Runtime API answers once the body is complete: a stream never ended waits here until
  // the function times out, as on Lambda.
  await stream.rapidResponse;
  if (!stream.responseStream.writableFinished) {
    stream.fail('Response stream is not finished.', stream.scheduleNext);
    return;
  }
  stream.scheduleNext();
}
