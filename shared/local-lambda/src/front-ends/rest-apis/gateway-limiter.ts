import { PassThrough, type Transform } from 'node:stream';
import type { LimitOptions } from '../../defaults.js';
import { BandwidthLimiter } from '../../invocations/bandwidth-limiter.js';

/** API Gateway's streaming rule: the first 10 MB unthrottled (response-transfer-mode, "Considerations"). */
export const GATEWAY_BURST_BYTES = 10_000_000;

/** ... then 2 MB/s. MB read as 10^6 bytes (UNCONFIRMED; Lambda's own limit is modelled in MiB). */
export const GATEWAY_BYTES_PER_SECOND = 2_000_000;

/**
 * API Gateway's bandwidth limit for one streamed response, in series after Lambda's (6 MiB,
 * then 2 MiB/s), so the slower one binds (how the two combine is UNCONFIRMED). Off when
 * Lambda's is off (`--no-bandwidth-limit`).
 *
 * @param lambdaLimit - The emulator's `bandwidthLimit` setting.
 * @returns A Transform; a PassThrough when limits are off.
 * @example
 * ```ts
 * handle.body.pipe(createGatewayLimiter(settings.limits.bandwidthLimit)).pipe(res);
 * ```
 */
export function createGatewayLimiter(lambdaLimit: LimitOptions['bandwidthLimit']): Transform {
  if (lambdaLimit === false) return new PassThrough();
  return new BandwidthLimiter({
    burstBytes: GATEWAY_BURST_BYTES,
    bytesPerSecond: GATEWAY_BYTES_PER_SECOND,
  });
}
