/**
 * One buffered invocation (RIC `src/Runtime.js` `handleOnceNonStreaming`): the handler gets
 * `(event, context, callback)`; its result is posted to `/response` as JSON, its error to
 * `/error`.
 */
import { beforeExitListener } from '../before-exit.js';
import { NodeJsExit } from '../errors.js';
import { logError } from '../log-patch.js';
import { buildCallbackContext } from './callback-context.js';
import { InvokeContext } from './invoke-context.js';
import { type InvokeLoop, isThenable } from './invoke-loop.js';

/**
 * Waits for an event, runs the buffered handler on it and arranges for its result to be
 * posted; the callbacks schedule the next iteration.
 *
 * @param runtime - The invoke loop.
 * @example
 * ```ts
 * await handleOnceBuffered(runtime);
 * ```
 */
export async function handleOnceBuffered(runtime: InvokeLoop): Promise<void> {
  const { bodyJson, headers } = await runtime.client.nextInvocation();
  const invokeContext = new InvokeContext(headers);
  invokeContext.updateLoggingContext();
  const invokeId = invokeContext.invokeId;
  const [callback, callbackContext, markCompleted] = buildCallbackContext(
    runtime.client,
    invokeId,
    () => runtime.scheduleIteration(),
  );

  try {
    runtime.setErrorCallbacks(invokeId);
    setDefaultExitListener(runtime, invokeId, markCompleted);
    const result = runtime.handler(
      JSON.parse(bodyJson),
      invokeContext.attachEnvironmentData(callbackContext),
      callback,
    );
    if (isThenable(result)) {
      // RIC chains `.catch` on what `then` returns: a thenable without it fails the invocation.
      (result.then(callbackContext.succeed, callbackContext.fail) as Promise<void>).catch(
        callbackContext.fail,
      );
    }
  } catch (error) {
    callback(error);
  }
}

/**
 * When the event loop empties before the handler reported anything: an async handler's promise
 * never settled (`Runtime.NodeJsExit`), a sync one forgot its callback (result `null`).
 */
function setDefaultExitListener(runtime: InvokeLoop, invokeId: string, markCompleted: () => void) {
  beforeExitListener.set(() => {
    markCompleted();
    const next = () => runtime.scheduleIteration();
    if (runtime.metadata.isAsync) {
      const error = new NodeJsExit();
      logError('Invoke Error', error);
      runtime.client.postInvocationError(error, invokeId, next);
    } else {
      runtime.client.postInvocationResponse(null, invokeId, next);
    }
  });
}
