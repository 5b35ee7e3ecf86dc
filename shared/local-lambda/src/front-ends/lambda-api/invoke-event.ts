import { type InvokeRequest, TooManyRequestsError } from '../../invocations/contracts.js';
import type { ApiContext } from './api-context.js';

/** Lambda keeps throttled events in its queue and retries; locally, for about a minute. */
const RETRY_DELAYS_MS = [100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600];

/**
 * Runs an `Event` invocation in the background: its output is discarded, its failure logged.
 * A throttled event is retried later instead of being refused, as Lambda's event queue does.
 *
 * @param context - The API context (service, logger).
 * @param request - The invocation.
 * @example
 * ```ts
 * invokeInBackground(context, request);
 * sendBytes(res, 202, Buffer.alloc(0));
 * ```
 */
export function invokeInBackground(context: ApiContext, request: InvokeRequest): void {
  attempt(context, request, 0);
}

function attempt(context: ApiContext, request: InvokeRequest, retry: number): void {
  try {
    const handle = context.service.invoke(request);
    handle.discard();
    handle.body.on('error', () => {});
    handle.body.resume();
    void handle.outcome.then((outcome) => {
      if (outcome.error) {
        context.logger.warn(
          `Event invocation ${outcome.requestId} of ${request.functionName} failed: ${outcome.error.errorType}: ${outcome.error.errorMessage}`,
        );
      }
    });
  } catch (error) {
    const delay = RETRY_DELAYS_MS[retry];
    if (error instanceof TooManyRequestsError && delay !== undefined) {
      setTimeout(() => attempt(context, request, retry + 1), delay).unref();
      return;
    }
    context.logger.error(
      `Event invocation of ${request.functionName} dropped: ${(error as Error).message}`,
    );
  }
}
