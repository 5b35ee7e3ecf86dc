/**
 * Lambda's asynchronous event queue, locally: an `Event` invocation is accepted (202) into the
 * queue and never dropped while it is younger than `MaximumEventAgeInSeconds`. Throttled events
 * go back in the queue and are tried again with growing, jittered waits, and at once when an
 * environment comes free; an event whose function fails is retried up to
 * `MaximumRetryAttempts` times (1 and 2 minutes apart); what is finally discarded is reported
 * (log line, dashboard feed) with its `OnFailure` destination named.
 */
import { type InvocationHandle, type InvokeRequest, TooManyRequestsError } from '../contracts.js';
import type {
  DiscardCondition,
  DiscardedEvent,
  EventQueueOptions,
  QueuedEvent,
} from './event-queue-types.js';
import { functionErrorDelayMs, throttleDelayMs } from './retry-policy.js';

export type { DiscardCondition, DiscardedEvent, EventQueueOptions } from './event-queue-types.js';

/**
 * The queue of one emulator.
 *
 * @example
 * ```ts
 * const queue = new EventQueue({ start: (r) => service.invoke(r), policyOf, onDiscard, onRefused, clock: systemClock });
 * queue.enqueue({ functionName: 'Fn', payload, invokedFunctionArn, delivery: 'buffer', requestId });
 * ```
 */
export class EventQueue {
  private waiting: QueuedEvent[] = [];
  private running = 0;
  private cancelTimer: (() => void) | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private closed = false;
  private readonly unsubscribe: (() => void) | undefined;

  constructor(private readonly options: EventQueueOptions) {
    // Woken after the releasing invocation has finished its own bookkeeping.
    this.unsubscribe = options.onCapacity?.(() => queueMicrotask(() => this.capacityFreed()));
  }

  /** Events waiting in the queue, and events running. */
  get size(): { waiting: number; running: number } {
    return { waiting: this.waiting.length, running: this.running };
  }

  /** Accepts an event; it runs as soon as an environment is free. */
  enqueue(request: InvokeRequest & { requestId: string }): void {
    const now = this.options.clock.now();
    const policy = this.options.policyOf(request.functionName);
    this.waiting.push({
      request,
      policy,
      enqueuedAt: now,
      readyAt: now,
      attempts: 0,
      throttles: 0,
      throttled: false,
    });
    this.pump(false);
  }

  /** An environment came free: throttled events are tried again now, not after their wait. */
  capacityFreed(): void {
    if (this.waiting.length > 0) this.pump(true);
  }

  /** Stops the timers; waiting events stay unprocessed (the emulator is stopping). */
  close(): void {
    this.closed = true;
    this.unsubscribe?.();
    this.cancelTimer?.();
  }

  private pump(woken: boolean): void {
    if (this.closed) return;
    const now = this.options.clock.now();
    let blockedUntil = 0;
    for (const event of [...this.waiting]) {
      if (now - event.enqueuedAt >= event.policy.maxAgeMs) {
        this.remove(event);
        this.discard(event, 'EventAgeExceeded');
      } else if (blockedUntil === 0 && this.isDue(event, now, woken)) {
        blockedUntil = this.attempt(event, now);
      }
    }
    this.schedule(blockedUntil);
  }

  private isDue(event: QueuedEvent, now: number, woken: boolean): boolean {
    return event.readyAt <= now || (woken && event.throttled);
  }

  /** @returns 0 when it started (or was refused for good); else when to try the queue again. */
  private attempt(event: QueuedEvent, now: number): number {
    let handle: InvocationHandle;
    try {
      handle = this.options.start(event.request);
    } catch (error) {
      if (!(error instanceof TooManyRequestsError)) {
        this.remove(event);
        this.options.onRefused(event.request, error as Error);
        return 0;
      }
      event.throttles += 1;
      event.throttled = true;
      event.readyAt = now + throttleDelayMs(event.throttles, this.options.random?.());
      return event.readyAt;
    }
    this.remove(event);
    event.throttled = false;
    this.follow(event, handle);
    return 0;
  }

  private follow(event: QueuedEvent, handle: InvocationHandle): void {
    this.running += 1;
    event.attempts += 1;
    handle.discard();
    handle.body.on('error', () => {});
    handle.body.resume();
    void handle.outcome.then((outcome) => {
      this.running -= 1;
      if (!outcome.error) return this.pump(true);
      event.lastError = `${outcome.error.errorType}: ${outcome.error.errorMessage}`;
      if (event.attempts > event.policy.maxRetryAttempts) {
        this.discard(event, 'RetriesExhausted');
        return this.pump(true);
      }
      const delayMs = functionErrorDelayMs(event.attempts);
      const { requestId, functionName } = event.request;
      this.options.onRetry?.({ requestId, functionName, retry: event.attempts, delayMs });
      event.readyAt = this.options.clock.now() + delayMs;
      this.waiting.push(event);
      this.pump(true);
    });
  }

  private discard(event: QueuedEvent, condition: DiscardCondition): void {
    const { requestId, functionName } = event.request;
    const discarded: DiscardedEvent = {
      requestId,
      functionName,
      condition,
      attempts: event.attempts,
    };
    if (event.lastError !== undefined) discarded.lastError = event.lastError;
    if (event.policy.onFailure !== undefined) discarded.onFailure = event.policy.onFailure;
    this.options.onDiscard(discarded);
  }

  private remove(event: QueuedEvent): void {
    this.waiting = this.waiting.filter((candidate) => candidate !== event);
  }

  /** One timer, at the earliest moment something is due: a wait's end or an event's expiry. */
  private schedule(blockedUntil: number): void {
    let next = Number.POSITIVE_INFINITY;
    for (const event of this.waiting) {
      next = Math.min(
        next,
        Math.max(event.readyAt, blockedUntil),
        event.enqueuedAt + event.policy.maxAgeMs,
      );
    }
    if (next === this.timerAt) return;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.timerAt = next;
    if (next === Number.POSITIVE_INFINITY) return;
    const delay = Math.max(0, next - this.options.clock.now());
    this.cancelTimer = this.options.clock.later(delay, () => {
      this.timerAt = Number.POSITIVE_INFINITY;
      this.cancelTimer = undefined;
      this.pump(false);
    });
  }
}
