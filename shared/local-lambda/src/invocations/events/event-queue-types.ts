/**
 * The shapes of the event queue: what it needs from the emulator, what it keeps of each event,
 * and what it reports of an event it gives up on.
 *
 * @module
 */
import type { InvocationHandle, InvokeRequest } from '../contracts.js';
import type { QueueClock } from './queue-clock.js';
import type { EventPolicy } from './retry-policy.js';

/** Why an event left the queue without succeeding (the `condition` of Lambda's failure record). */
export type DiscardCondition = 'RetriesExhausted' | 'EventAgeExceeded';

/** An event the queue gave up on. */
export interface DiscardedEvent {
  requestId: string;
  functionName: string;
  condition: DiscardCondition;
  /** Times the function ran it. */
  attempts: number;
  /** The last function error, `errorType: errorMessage`. */
  lastError?: string;
  onFailure?: string;
}

/** What the queue needs from the emulator. */
export interface EventQueueOptions {
  /** Starts an invocation now; throws `TooManyRequestsError` when none can start. */
  start(request: InvokeRequest): InvocationHandle;
  /** The function's `EventInvokeConfig` with Lambda's defaults. */
  policyOf(functionName: string): EventPolicy;
  /** Told of every discarded event. */
  onDiscard(event: DiscardedEvent): void;
  /** Told of every retry after a function error. */
  onRetry?(event: {
    requestId: string;
    functionName: string;
    retry: number;
    delayMs: number;
  }): void;
  /** Anything else that stops an event (an unknown function): it is reported and dropped. */
  onRefused(request: InvokeRequest, error: Error): void;
  /** Subscribes to "an environment came free" (returns the unsubscribe). */
  onCapacity?(listener: () => void): () => void;
  clock: QueueClock;
  random?: () => number;
}

/** An event in the queue. */
export interface QueuedEvent {
  request: InvokeRequest & { requestId: string };
  policy: EventPolicy;
  enqueuedAt: number;
  readyAt: number;
  attempts: number;
  throttles: number;
  /** Waiting after a throttle (a free environment ends the wait), not after a function error. */
  throttled: boolean;
  lastError?: string;
}
