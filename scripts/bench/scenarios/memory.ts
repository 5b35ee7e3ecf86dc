/**
 * Scenario 4: the emulator's resident memory while it streams. 200 MB to a fast client and 20 MB
 * to a client reading at 1 MB/s, through a function URL: if nothing buffers the response, the
 * growth over idle stays flat, whatever the size and however slow the reader.
 */
import { type BenchContext, TEMPLATES } from '../context.js';
import { type Emulator, settleEnvironments, startEmulator } from '../lib/emulator.js';
import { idleRssMB, sampleMemory } from '../lib/memory.js';
import { patternSha256 } from '../lib/pattern-digest.js';
import { urlRequest } from '../lib/requests.js';
import { timedRequest } from '../lib/timed-request.js';

/** One memory run: the emulator's RSS (MB) before and at its peak. */
export interface MemoryRun {
  bytes: number;
  /** Read rate of the client; `undefined`: as fast as it can. */
  readBytesPerSecond: number | undefined;
  seconds: number;
  idleMB: number;
  peakMB: number;
  growthMB: number;
  /** The runtime process (the function), at its peak, for information. */
  runtimePeakMB: number;
}

/** The runs, in the order they ran. */
export interface MemoryResult {
  slow: MemoryRun;
  fast: MemoryRun;
  /** The fast run once more: what the first one grew that stays is the heap settling. */
  fastAgain: MemoryRun;
}

const FUNCTION = 'BenchBytesFunction';
const SLOW_BYTES = 20_000_000;
const SLOW_RATE = 1_000_000;

/**
 * Runs the scenario on a fresh emulator (bandwidth limit off, so only the client sets the pace).
 *
 * @param ctx - The run's context.
 * @param fastBytes - Size of the fast run (200 MB).
 * @returns Both runs.
 * @example
 * ```ts
 * const memory = await memoryScenario(ctx, 200_000_000);
 * ```
 */
export async function memoryScenario(ctx: BenchContext, fastBytes: number): Promise<MemoryResult> {
  const emulator = await startEmulator([TEMPLATES.functions], ['--no-bandwidth-limit']);
  try {
    // A first response warms the environment, the connection, the code paths and the heap.
    await measure(ctx, emulator, SLOW_BYTES, undefined);
    // The slow run first: the fast one leaves garbage that the idle figure would include.
    const slowBytes = ctx.quick ? SLOW_BYTES / 4 : SLOW_BYTES;
    const slow = await measure(ctx, emulator, slowBytes, SLOW_RATE);
    ctx.log(`  memory slow client: +${slow.growthMB.toFixed(1)} MB`);
    const fast = await measure(ctx, emulator, fastBytes, undefined);
    const fastAgain = await measure(ctx, emulator, fastBytes, undefined);
    ctx.log(
      `  memory fast client: +${fast.growthMB.toFixed(1)} MB, then +${fastAgain.growthMB.toFixed(1)} MB`,
    );
    return { slow, fast, fastAgain };
  } finally {
    await emulator.stop();
  }
}

async function measure(
  ctx: BenchContext,
  emulator: Emulator,
  bytes: number,
  readBytesPerSecond: number | undefined,
): Promise<MemoryRun> {
  const url = `${await emulator.url(FUNCTION)}?bytes=${bytes}`;
  await settleEnvironments();
  const idleMB = await idleRssMB(emulator.pid);
  const sampler = sampleMemory(emulator.pid);
  const timing = await timedRequest(await urlRequest(emulator, url), {
    agent: ctx.agent,
    hash: true,
    ...(readBytesPerSecond ? { readBytesPerSecond } : {}),
  });
  const peaks = sampler.stop();
  if (timing.bytes !== bytes || timing.sha256 !== patternSha256(bytes)) {
    throw new Error(`memory run of ${bytes} bytes: got ${timing.bytes} bytes, wrong hash`);
  }
  return {
    bytes,
    readBytesPerSecond,
    seconds: timing.ttlbMs / 1000,
    idleMB,
    peakMB: peaks.peakMB,
    growthMB: Math.max(0, peaks.peakMB - idleMB),
    runtimePeakMB: peaks.childrenPeakMB,
  };
}
