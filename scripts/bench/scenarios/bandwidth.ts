/**
 * Scenario 5: how closely the emulator's default bandwidth limit follows Lambda's model (the
 * first 6 MiB at full speed, then 2 MiB/s): 20 MB through a function URL, measured total time
 * over the model's time. The runs go in parallel (each invocation has its own bucket).
 */
import { type BenchContext, TEMPLATES } from '../context.js';
import { LAMBDA_BANDWIDTH, modelSeconds } from '../lib/bandwidth-model.js';
import { settleEnvironments, startEmulator } from '../lib/emulator.js';
import { patternSha256 } from '../lib/pattern-digest.js';
import { urlRequest } from '../lib/requests.js';
import { type Summary, summarize } from '../lib/stats.js';
import { timedRequest } from '../lib/timed-request.js';

/** Measured seconds, the model's seconds and their ratio (1 is perfect). */
export interface BandwidthResult {
  bytes: number;
  runs: number;
  measuredSeconds: Summary;
  modelSeconds: number;
  /** Median measured over model. */
  ratio: number;
}

const FUNCTION = 'BenchBytesFunction';
const BYTES = 20_000_000;

/**
 * Runs the scenario.
 *
 * @param ctx - The run's context.
 * @param fullSpeedBytesPerSecond - Unlimited speed on this machine (from the throughput
 *   scenario), for the model's burst; `Infinity` when unknown.
 * @returns The figures.
 * @example
 * ```ts
 * const bandwidth = await bandwidthScenario(ctx, throughput.urlMBps * 1e6);
 * ```
 */
export async function bandwidthScenario(
  ctx: BenchContext,
  fullSpeedBytesPerSecond: number,
): Promise<BandwidthResult> {
  const runs = ctx.quick ? 1 : 5;
  const emulator = await startEmulator([TEMPLATES.functions]);
  try {
    const url = await emulator.url(FUNCTION);
    // As many small responses at once as there will be runs: one warm environment each.
    await parallel(runs, async () => timedRequest(await urlRequest(emulator, `${url}?bytes=1`)));
    await settleEnvironments();
    const timings = await parallel(runs, async () =>
      timedRequest(await urlRequest(emulator, `${url}?bytes=${BYTES}`), { hash: true }),
    );
    for (const timing of timings) {
      if (timing.sha256 !== patternSha256(BYTES)) throw new Error('bandwidth run: wrong bytes');
    }
    const measured = summarize(timings.map((timing) => timing.ttlbMs / 1000));
    const model = modelSeconds(BYTES, { ...LAMBDA_BANDWIDTH, fullSpeedBytesPerSecond });
    ctx.log(`  bandwidth: ${measured.p50.toFixed(2)} s, model ${model.toFixed(2)} s`);
    return {
      bytes: BYTES,
      runs,
      measuredSeconds: measured,
      modelSeconds: model,
      ratio: measured.p50 / model,
    };
  } finally {
    await emulator.stop();
  }
}

function parallel<T>(count: number, task: () => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: count }, task));
}
