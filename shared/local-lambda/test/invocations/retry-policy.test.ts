import { describe, expect, it } from 'vitest';
import {
  eventPolicy,
  functionErrorDelayMs,
  throttleDelayMs,
} from '../../src/invocations/events/retry-policy.js';

describe('the async retry policy (Lambda developer guide)', () => {
  it('takes Lambda’s defaults: 6 hours, 2 retries', () => {
    expect(eventPolicy(undefined)).toEqual({ maxAgeMs: 21_600_000, maxRetryAttempts: 2 });
  });

  it('waits 1 then 2 minutes after function errors', () => {
    expect([functionErrorDelayMs(1), functionErrorDelayMs(2)]).toEqual([60_000, 120_000]);
  });

  it('backs off from 1 s to at most 5 min after throttles, with jitter within half of it', () => {
    expect([throttleDelayMs(1, 0), throttleDelayMs(1, 0.999)]).toEqual([500, 1000]);
    expect(throttleDelayMs(4, 0)).toBe(4000);
    expect(throttleDelayMs(30, 0.999)).toBeLessThanOrEqual(300_000);
    expect(throttleDelayMs(30, 0)).toBe(150_000);
    expect(throttleDelayMs(3, 0.1)).not.toBe(throttleDelayMs(3, 0.9));
  });
});
