/**
 * Scenario 3: 200 MB with the bandwidth limit off, through a function URL and through the event
 * stream (read with the SDK's decoder, and with the whole SDK), against the plain Node server
 * sending the same bytes, in turns after a warm-up round. Every response's SHA-256 is checked,
 * so speed never comes from dropped bytes.
 */
import { type BenchContext, TEMPLATES } from '../context.js';
import { type Emulator, settleEnvironments, startEmulator } from '../lib/emulator.js';
import { interleave } from '../lib/interleave.js';
import { patternSha256 } from '../lib/pattern-digest.js';
import { invokeStreamRequest, plainRequest, urlRequest } from '../lib/requests.js';
import { sdkStream } from '../lib/sdk-stream.js';
import { median } from '../lib/stats.js';
import { type TimedResponse, timedRequest } from '../lib/timed-request.js';

/**
 * Median MB/s (10^6 bytes per second) per path, and the ratios to the plain server: each the
 * median of the ratios of the same round, so that a slow moment of the machine weighs on a
 * path and on its baseline alike.
 */
export interface ThroughputResult {
  bytes: number;
  runs: number;
  plainMBps: number;
  urlMBps: number;
  eventStreamMBps: number;
  /** The same event stream read by `@aws-sdk/client-lambda` (information: the client's cost). */
  sdkMBps: number;
  urlRatio: number;
  eventStreamRatio: number;
  sdkRatio: number;
  /** Every response had every byte, in order (a wrong one stops the benchmark). */
  sha256Verified: boolean;
}

const FUNCTION = 'BenchBytesFunction';
/** 200 MB: under the 200 MiB cap, prelude included. */
export const THROUGHPUT_BYTES = 200_000_000;

/** What a path reports, checked against the expected bytes. */
interface Received {
  bytes: number;
  sha256: string | undefined;
  ttlbMs: number;
}

/**
 * Runs the scenario.
 *
 * @param ctx - The run's context.
 * @returns The figures; throws when a response is incomplete or its hash is wrong.
 * @example
 * ```ts
 * const throughput = await throughputScenario(ctx);
 * ```
 */
export async function throughputScenario(ctx: BenchContext): Promise<ThroughputResult> {
  const runs = ctx.quick ? 1 : 7;
  const emulator = await startEmulator([TEMPLATES.functions], ['--no-bandwidth-limit']);
  try {
    const paths = await pathsOf(ctx, emulator, THROUGHPUT_BYTES);
    const expected = patternSha256(THROUGHPUT_BYTES);
    const rate = (name: string, send: () => Promise<Received>) => async () => {
      if (name !== 'plain') await settleEnvironments(300);
      const received = await send();
      if (received.bytes !== THROUGHPUT_BYTES || received.sha256 !== expected) {
        throw new Error(`${name}: ${received.bytes} bytes, sha256 ${received.sha256}`);
      }
      const mbps = THROUGHPUT_BYTES / 1e6 / (received.ttlbMs / 1000);
      ctx.log(`  throughput ${name}: ${mbps.toFixed(0)} MB/s`);
      return mbps;
    };
    const rates = await interleave(
      {
        plain: rate('plain', paths.plain),
        url: rate('url', paths.url),
        eventStream: rate('eventStream', paths.eventStream),
        sdk: rate('sdk', paths.sdk),
      },
      runs,
      1,
    );
    return summarizeThroughput(runs, rates);
  } finally {
    await emulator.stop();
  }
}

/** One sender per path, each streaming `bytes` and hashing them. */
async function pathsOf(ctx: BenchContext, emulator: Emulator, bytes: number) {
  const url = `${await emulator.url(FUNCTION)}?bytes=${bytes}`;
  const options = { agent: ctx.agent, hash: true };
  return {
    plain: async () =>
      checked(await timedRequest(plainRequest(ctx.plain.origin, `/bytes?bytes=${bytes}`), options)),
    url: async () => checked(await timedRequest(await urlRequest(emulator, url), options)),
    eventStream: async () => {
      const request = await invokeStreamRequest(emulator, FUNCTION, { bytes });
      return checked(await timedRequest(request, { ...options, body: 'event-stream' }));
    },
    sdk: (): Promise<Received> => sdkStream(emulator.client, FUNCTION, { bytes }),
  };
}

function checked(timing: TimedResponse): Received {
  const failed = timing.completion?.errorCode !== undefined;
  if (timing.statusCode !== 200 || !timing.complete || failed) {
    throw new Error(`status ${timing.statusCode}, complete ${timing.complete}`);
  }
  return { bytes: timing.bytes, sha256: timing.sha256, ttlbMs: timing.ttlbMs };
}

/**
 * The scenario's figures from the rates of every round.
 *
 * @param runs - Rounds.
 * @param rates - MB/s of each path, in round order.
 * @returns Medians per path and medians of the per-round ratios to the plain server.
 * @example
 * ```ts
 * summarizeThroughput(2, { plain: [800, 400], url: [400, 300], eventStream: [200, 200], sdk: [100, 100] });
 * ```
 */
export function summarizeThroughput(
  runs: number,
  rates: Record<'plain' | 'url' | 'eventStream' | 'sdk', number[]>,
): ThroughputResult {
  const ratio = (path: number[]) => median(path.map((mbps, i) => mbps / (rates.plain[i] ?? 0)));
  return {
    bytes: THROUGHPUT_BYTES,
    runs,
    plainMBps: median(rates.plain),
    urlMBps: median(rates.url),
    eventStreamMBps: median(rates.eventStream),
    sdkMBps: median(rates.sdk),
    urlRatio: ratio(rates.url),
    eventStreamRatio: ratio(rates.eventStream),
    sdkRatio: ratio(rates.sdk),
    sha256Verified: true,
  };
}
