/**
 * Scenario 2: what the emulator adds to time to first byte. The same first write from the plain
 * Node server, through a function URL and through `InvokeWithResponseStream`, warm, in turns.
 */
import { type BenchContext, TEMPLATES } from '../context.js';
import { startEmulator } from '../lib/emulator.js';
import { interleave } from '../lib/interleave.js';
import { invokeStreamRequest, plainRequest, urlRequest } from '../lib/requests.js';
import { type Summary, summarize } from '../lib/stats.js';
import { type TimedResponse, timedRequest } from '../lib/timed-request.js';

/** Three paths compared with the plain server: their summaries (ms) and the differences. */
export interface PathComparison {
  runs: number;
  plain: Summary;
  url: Summary;
  eventStream: Summary;
  urlAddedP50Ms: number;
  urlAddedP95Ms: number;
  eventStreamAddedP50Ms: number;
  eventStreamAddedP95Ms: number;
}

const FUNCTION = 'BenchFirstWriteFunction';

/**
 * Runs the scenario: time to first byte of the first-write fixture and of the plain server.
 *
 * @param ctx - The run's context.
 * @returns The figures.
 * @example
 * ```ts
 * const overhead = await emulatorOverhead(ctx);
 * ```
 */
export async function emulatorOverhead(ctx: BenchContext): Promise<PathComparison> {
  return comparePaths(ctx, { functionName: FUNCTION, plainPath: '/first', metric: 'ttfb' });
}

/** What {@link comparePaths} measures. */
export interface ComparisonOptions {
  functionName: string;
  plainPath: string;
  /** `ttfb`: first byte; `ttlb`: the whole response (for empty responses). */
  metric: 'ttfb' | 'ttlb';
}

/**
 * Times a fixture function through a URL and through the event stream, and the plain server,
 * in turns, warm (scenarios 2 and 6).
 *
 * @param ctx - The run's context.
 * @param options - Function, plain server path, metric.
 * @returns Summaries and differences.
 * @example
 * ```ts
 * await comparePaths(ctx, { functionName: 'BenchEmptyFunction', plainPath: '/empty', metric: 'ttlb' });
 * ```
 */
export async function comparePaths(
  ctx: BenchContext,
  options: ComparisonOptions,
): Promise<PathComparison> {
  const runs = ctx.quick ? 50 : 500;
  const emulator = await startEmulator([TEMPLATES.functions]);
  try {
    const url = await emulator.url(options.functionName);
    const measure = (timing: TimedResponse) => figure(timing, options.metric);
    const send = { agent: ctx.agent };
    const samples = await interleave(
      {
        plain: async () =>
          measure(await timedRequest(plainRequest(ctx.plain.origin, options.plainPath), send)),
        url: async () => measure(await timedRequest(await urlRequest(emulator, url), send)),
        eventStream: async () =>
          measure(
            await timedRequest(await invokeStreamRequest(emulator, options.functionName), {
              ...send,
              body: 'event-stream',
            }),
          ),
      },
      runs,
      10,
    );
    return compare(runs, samples);
  } finally {
    await emulator.stop();
  }
}

function figure(timing: TimedResponse, metric: 'ttfb' | 'ttlb'): number {
  const value = metric === 'ttfb' ? timing.ttfbMs : timing.ttlbMs;
  const failed = timing.completion?.errorCode !== undefined;
  if (timing.statusCode !== 200 || !timing.complete || failed || value === undefined) {
    throw new Error(
      `status ${timing.statusCode}, ${timing.bytes} bytes, complete ${timing.complete}`,
    );
  }
  return value;
}

function compare(
  runs: number,
  samples: { plain: number[]; url: number[]; eventStream: number[] },
): PathComparison {
  const plain = summarize(samples.plain);
  const url = summarize(samples.url);
  const eventStream = summarize(samples.eventStream);
  return {
    runs,
    plain,
    url,
    eventStream,
    urlAddedP50Ms: url.p50 - plain.p50,
    urlAddedP95Ms: url.p95 - plain.p95,
    eventStreamAddedP50Ms: eventStream.p50 - plain.p50,
    eventStreamAddedP95Ms: eventStream.p95 - plain.p95,
  };
}
