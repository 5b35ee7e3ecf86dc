/**
 * Lambda's numeric limits, as RAPID (the Runtime API server inside Lambda) defines them, and the
 * emulator's defaults built from them.
 *
 * Source: aws-lambda-runtime-interface-emulator `internal/lambda/interop/model.go` (spec §2.5, §5).
 */
import type { LimitOptions } from './contracts.js';

/** `MaxPayloadSize`: 6 MiB + 100 bytes, the cap of buffered responses and request payloads. */
export const MAX_BUFFERED_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;

/** Default cap of streamed responses: 200 MiB (spec §5). */
export const DEFAULT_MAX_STREAMED_RESPONSE_BYTES = 200 * 1024 * 1024;

/** `ResponseBandwidthBurstSize`: the bucket's capacity, bytes sent at full speed. */
export const BANDWIDTH_BURST_BYTES = 6 * 1024 * 1024;

/** `ResponseBandwidthRate`: 2 MiB/s once the burst is spent. */
export const BANDWIDTH_BYTES_PER_SECOND = 2 * 1024 * 1024;

/** RAPID refills its token bucket every 125 ms. */
export const BANDWIDTH_TICK_MS = 125;

/** Lambda's default account concurrency is far higher; 10 keeps a laptop responsive. */
export const DEFAULT_MAX_CONCURRENCY = 10;

/**
 * Lambda gives the Init phase 10 s. UNCONFIRMED (spec §5): on a timed-out Init, Lambda retries
 * Init inside the invocation; the emulator fails the invocation instead.
 */
export const INIT_TIMEOUT_SECONDS = 10;

/**
 * How long a known result waits for the runtime's `/next` before the outcome is reported anyway.
 * UNCONFIRMED (spec §1.5): Lambda bills until `/next`; a function that leaves timers behind keeps
 * its environment busy (until its timeout) but its caller is not kept waiting.
 */
export const NEXT_GRACE_MS = 100;

/** The limits the emulator applies when the caller sets none. */
export const DEFAULT_LIMITS: LimitOptions = {
  bandwidthLimit: true,
  maxStreamedResponseBytes: DEFAULT_MAX_STREAMED_RESPONSE_BYTES,
  maxBufferedResponseBytes: MAX_BUFFERED_RESPONSE_BYTES,
  maxConcurrency: DEFAULT_MAX_CONCURRENCY,
};

/**
 * Fills the limits the caller left out with Lambda's values.
 *
 * @param limits - Partial limits (e.g. from CLI flags).
 * @returns Complete limits.
 * @example
 * ```ts
 * resolveLimits({ bandwidthLimit: false }).maxConcurrency; // 10
 * ```
 */
export function resolveLimits(limits: Partial<LimitOptions> = {}): LimitOptions {
  const resolved = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(limits)) {
    if (value !== undefined) Object.assign(resolved, { [key]: value });
  }
  return resolved;
}
