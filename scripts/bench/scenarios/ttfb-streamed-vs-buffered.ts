/**
 * Scenario 1: the ttfb-write pattern's own bundle, streamed through its RESPONSE_STREAM URL, and
 * the same function buffered through the `Invoke` API with the event that URL sends (what the
 * dashboard's "Compare with buffered" does, and what a buffered integration gives: a response
 * that succeeds, once the function has finished). Requests are started 50 ms apart, a few of
 * them in flight at once, so each first write happens alone while the whole run takes seconds,
 * not minutes.
 */
import type { ChunkTiming } from '@lambda-streaming/streaming/client';
import { createFunctionUrlEvent } from '@lambda-streaming/streaming/wire';
import { type BenchContext, TEMPLATES } from '../context.js';
import { type Emulator, settleEnvironments, startEmulator } from '../lib/emulator.js';
import { invokeRequest, urlRequest } from '../lib/requests.js';
import { median, type Summary, summarize } from '../lib/stats.js';
import { type TimedResponse, timedRequest } from '../lib/timed-request.js';

/** One invoke mode's figures (ms). */
export interface ModeFigures {
  ttfb: Summary;
  ttlb: Summary;
  /** HTTP status of the response (the URL's, or the `Invoke` API's). */
  statusCode: number;
  bytes: number;
  chunkCount: number;
  /** The chunks of the run with the median time to last byte, for the chart. */
  chartChunks: ChunkTiming[];
}

/** Streamed (URL) and buffered (`Invoke`), and the ratio of their times to first byte. */
export interface TtfbModesResult {
  runs: number;
  streamed: ModeFigures;
  buffered: ModeFigures;
  /** Buffered TTFB over streamed TTFB, at p50 and at p95. */
  ratioP50: number;
  ratioP95: number;
}

const FUNCTION = 'BenchTtfbStreamedFunction';
const PAIRS_IN_FLIGHT = 4;
const STAGGER_MS = 100;

/**
 * Runs the scenario.
 *
 * @param ctx - The run's context.
 * @returns The figures.
 * @example
 * ```ts
 * const modes = await ttfbStreamedVsBuffered(ctx);
 * ```
 */
export async function ttfbStreamedVsBuffered(ctx: BenchContext): Promise<TtfbModesResult> {
  const rounds = ctx.quick ? 1 : 5;
  const emulator = await startEmulator([TEMPLATES.ttfbModes]);
  try {
    const url = await emulator.url(FUNCTION);
    await round(ctx, emulator, url); // environments started and warm
    const runs: { streamed: TimedResponse[]; buffered: TimedResponse[] } = {
      streamed: [],
      buffered: [],
    };
    for (let i = 0; i < rounds; i += 1) {
      await settleEnvironments();
      const result = await round(ctx, emulator, url);
      runs.streamed.push(...result.streamed);
      runs.buffered.push(...result.buffered);
      ctx.log(`  ttfb-write round ${i + 1}/${rounds}`);
    }
    const all = [...runs.streamed, ...runs.buffered];
    if (all.some((run) => run.statusCode !== 200)) throw new Error('ttfb-write: not 200');
    const streamed = figures(runs.streamed);
    const buffered = figures(runs.buffered);
    return {
      runs: runs.streamed.length,
      streamed,
      buffered,
      ratioP50: buffered.ttfb.p50 / streamed.ttfb.p50,
      ratioP95: buffered.ttfb.p95 / streamed.ttfb.p95,
    };
  } finally {
    await emulator.stop();
  }
}

/** The event the function URL sends for `GET /`, so that both sides run the same request. */
function urlEvent(url: string): unknown {
  const { host } = new URL(url);
  return createFunctionUrlEvent({
    method: 'GET',
    rawPath: '/',
    headers: { host },
    requestId: crypto.randomUUID(),
    urlId: 'bench',
    domainName: host,
    accountId: '123456789012',
  });
}

/** {@link PAIRS_IN_FLIGHT} streamed and buffered requests, each started apart from the others. */
async function round(
  ctx: BenchContext,
  emulator: Emulator,
  url: string,
): Promise<{ streamed: TimedResponse[]; buffered: TimedResponse[] }> {
  const started: { streamed: Promise<TimedResponse>[]; buffered: Promise<TimedResponse>[] } = {
    streamed: [],
    buffered: [],
  };
  for (let i = 0; i < PAIRS_IN_FLIGHT * 2; i += 1) {
    const mode = i % 2 === 0 ? 'streamed' : 'buffered';
    const request =
      mode === 'streamed'
        ? await urlRequest(emulator, url)
        : await invokeRequest(emulator, FUNCTION, urlEvent(url));
    started[mode].push(timedRequest(request, { agent: ctx.agent, keepChunks: true }));
    await new Promise((resolve) => setTimeout(resolve, STAGGER_MS / 2));
  }
  return {
    streamed: await Promise.all(started.streamed),
    buffered: await Promise.all(started.buffered),
  };
}

function figures(runs: TimedResponse[]): ModeFigures {
  const ttfbs = runs.map((run) => {
    if (run.ttfbMs === undefined || !run.complete) throw new Error('ttfb-write: no complete body');
    return run.ttfbMs;
  });
  const ttlbs = runs.map((run) => run.ttlbMs);
  const typical = runs.reduce((best, run) =>
    Math.abs(run.ttlbMs - median(ttlbs)) < Math.abs(best.ttlbMs - median(ttlbs)) ? run : best,
  );
  return {
    ttfb: summarize(ttfbs),
    ttlb: summarize(ttlbs),
    statusCode: typical.statusCode,
    bytes: typical.bytes,
    chunkCount: typical.chunkCount,
    chartChunks: typical.chunks,
  };
}
