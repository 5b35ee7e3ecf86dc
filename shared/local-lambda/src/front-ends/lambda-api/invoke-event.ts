/**
 * The Lambda API's side of `Event` invocations: one queue per API server, fed by `Invoke` with
 * `InvocationType: Event`, woken whenever an environment comes free, and reporting what it
 * discards in the emulator's log (which the dashboard's log panel shows).
 */
import type { InvocationService } from '../../invocations/contracts.js';
import { type DiscardedEvent, EventQueue } from '../../invocations/events/event-queue.js';
import type { QueueClock } from '../../invocations/events/queue-clock.js';
import { eventPolicy } from '../../invocations/events/retry-policy.js';
import type { Logger } from '../../logs/emulator-logger.js';

/**
 * Creates the event queue of an API server.
 *
 * @param service - The invocations.
 * @param logger - The emulator's logger (console and dashboard feed).
 * @param clock - The queue's clock (a manual one in tests).
 * @returns The queue; `close()` it with the server.
 * @example
 * ```ts
 * const events = createEventQueue(service, logger, systemClock);
 * events.enqueue({ functionName: 'Fn', payload, invokedFunctionArn, delivery: 'buffer', requestId });
 * ```
 */
export function createEventQueue(
  service: InvocationService,
  logger: Logger,
  clock: QueueClock,
): EventQueue {
  return new EventQueue({
    start: (request) => service.invoke(request),
    policyOf: (name) => eventPolicy(service.getFunction(name)?.definition.eventInvokeConfig),
    onDiscard: (event) => logger.error(describeDiscard(event)),
    onRetry: ({ requestId, functionName, retry, delayMs }) =>
      logger.warn(
        `Event invocation ${requestId} of ${functionName} failed; retry ${retry} in ${delayMs / 1000} s`,
      ),
    onRefused: (request, error) =>
      logger.error(
        `Event invocation ${request.requestId} of ${request.functionName} dropped: ${error.message}`,
      ),
    ...(service.onRelease ? { onCapacity: service.onRelease } : {}),
    clock,
  });
}

/**
 * The line for a discarded event: what, why, and where Lambda would have sent it.
 *
 * @example
 * ```ts
 * describeDiscard({ requestId: 'r', functionName: 'Fn', condition: 'RetriesExhausted', attempts: 3 });
 * ```
 */
export function describeDiscard(event: DiscardedEvent): string {
  const why =
    event.condition === 'RetriesExhausted'
      ? `its ${event.attempts} attempts failed (last: ${event.lastError ?? 'unknown error'})`
      : `it is older than MaximumEventAgeInSeconds after ${event.attempts} attempt(s)`;
  const destination =
    event.onFailure === undefined
      ? 'no OnFailure destination is configured'
      : `OnFailure destination ${event.onFailure}: not sent, local-lambda sends to no destination`;
  return `Event invocation ${event.requestId} of ${event.functionName} discarded (${event.condition}): ${why}; ${destination}.`;
}
