/**
 * When Lambda tries an `Event` invocation again, from "How Lambda handles errors and retries with
 * asynchronous invocation" (Lambda developer guide): after a function error it waits one minute
 * before the first retry and two minutes before the second (at most `MaximumRetryAttempts`,
 * default 2); after a throttle it puts the event back in the queue and tries again, the interval
 * growing exponentially from 1 second to at most 5 minutes, until the event is older than
 * `MaximumEventAgeInSeconds` (default 6 hours).
 *
 * @module
 */
import type { SamEventInvokeConfig } from '@lambda-streaming/sam-template';

/** Lambda's defaults for `MaximumEventAgeInSeconds` and `MaximumRetryAttempts`. */
export const DEFAULT_EVENT_AGE_SECONDS = 21600;
export const DEFAULT_RETRY_ATTEMPTS = 2;

/** Waits after the first and second function error. */
const FUNCTION_ERROR_DELAYS_MS = [60_000, 120_000];
const THROTTLE_FIRST_MS = 1000;
const THROTTLE_MAX_MS = 5 * 60_000;

/** A function's settings with Lambda's defaults filled in. */
export interface EventPolicy {
  maxAgeMs: number;
  maxRetryAttempts: number;
  /** The configured `OnFailure` destination, named in the log (never sent locally). */
  onFailure?: string;
}

/**
 * @param config - The template's `EventInvokeConfig`, if any.
 * @returns The policy Lambda applies.
 * @example
 * ```ts
 * eventPolicy(undefined); // { maxAgeMs: 21600000, maxRetryAttempts: 2 }
 * ```
 */
export function eventPolicy(config: SamEventInvokeConfig | undefined): EventPolicy {
  const policy: EventPolicy = {
    maxAgeMs: (config?.maximumEventAgeInSeconds ?? DEFAULT_EVENT_AGE_SECONDS) * 1000,
    maxRetryAttempts: config?.maximumRetryAttempts ?? DEFAULT_RETRY_ATTEMPTS,
  };
  if (config?.onFailure !== undefined) policy.onFailure = config.onFailure;
  return policy;
}

/**
 * The wait before retry number `retry` (1-based) after a function error.
 *
 * @example
 * ```ts
 * functionErrorDelayMs(1); // 60000
 * ```
 */
export function functionErrorDelayMs(retry: number): number {
  return FUNCTION_ERROR_DELAYS_MS[Math.min(retry, FUNCTION_ERROR_DELAYS_MS.length) - 1] ?? 60_000;
}

/**
 * The wait after throttle number `throttles` (1-based): 1 s doubling to 5 min, with "equal
 * jitter" (between half and all of it) so throttled events do not all come back at once.
 *
 * @param throttles - Throttles of this event so far.
 * @param random - A number in [0, 1); `Math.random()` by default.
 * @example
 * ```ts
 * throttleDelayMs(3, 0.5); // 3000: between 2000 and 4000
 * ```
 */
export function throttleDelayMs(throttles: number, random = Math.random()): number {
  const ceiling = Math.min(THROTTLE_MAX_MS, THROTTLE_FIRST_MS * 2 ** Math.max(0, throttles - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
