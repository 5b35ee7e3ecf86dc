/**
 * Lambda's response bandwidth model (spec §2.5): the first 6 MiB leave at full speed, the rest
 * at 2 MiB/s. The bandwidth scenario compares the emulator's total time with it.
 */

/** The shape of the limit, and how fast "full speed" is on this machine. */
export interface BandwidthModel {
  /** Bytes sent at full speed before the rate applies: 6 MiB. */
  burstBytes: number;
  /** The rate after the burst: 2 MiB/s. */
  bytesPerSecond: number;
  /** Full speed on this machine (from the unlimited throughput run); `Infinity` to ignore it. */
  fullSpeedBytesPerSecond: number;
}

/** Lambda's values; full speed left infinite. */
export const LAMBDA_BANDWIDTH: BandwidthModel = {
  burstBytes: 6 * 1024 * 1024,
  bytesPerSecond: 2 * 1024 * 1024,
  fullSpeedBytesPerSecond: Number.POSITIVE_INFINITY,
};

/**
 * The time the model gives a response of `bytes`: the burst (or all of it, if smaller) at full
 * speed, then the rest at the limited rate.
 *
 * @param bytes - Response size.
 * @param model - Burst, rate and full speed.
 * @returns Seconds.
 * @example
 * ```ts
 * modelSeconds(20 * 1024 * 1024, LAMBDA_BANDWIDTH); // 7: (20 - 6) MiB at 2 MiB/s
 * ```
 */
export function modelSeconds(bytes: number, model: BandwidthModel = LAMBDA_BANDWIDTH): number {
  const burst = Math.min(bytes, model.burstBytes);
  const rest = bytes - burst;
  return burst / model.fullSpeedBytesPerSecond + rest / model.bytesPerSecond;
}
