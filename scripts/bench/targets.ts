/**
 * The targets, each decided by one figure of the run. A scenario that did not run
 * (`--only`) has no target rows.
 */
import { fixed, ms, percent, plusMs } from './lib/format.js';
import type { ScenarioResults, TargetResult } from './results.js';

type Rule = (s: ScenarioResults) => TargetResult[];

const ttfbRatio: Rule = ({ ttfbModes: r }) =>
  r
    ? [
        {
          id: 'ttfb-streamed-vs-buffered',
          target: 'Streamed TTFB at least 500 times lower than buffered TTFB (ttfb-write, p50)',
          measured: `${fixed(r.ratioP50)}× (${ms(r.streamed.ttfb.p50)} vs ${ms(r.buffered.ttfb.p50)}; p95 ${fixed(r.ratioP95)}×)`,
          met: r.ratioP50 >= 500,
        },
      ]
    : [];

const overhead: Rule = ({ overhead: r }) =>
  r
    ? [
        {
          id: 'ttfb-overhead-url',
          target: 'Function URL TTFB within 1 ms of the plain Node server (p50)',
          measured: `${plusMs(r.urlAddedP50Ms)} (p95 ${plusMs(r.urlAddedP95Ms)})`,
          met: r.urlAddedP50Ms <= 1,
        },
        {
          id: 'ttfb-overhead-event-stream',
          target: 'InvokeWithResponseStream TTFB within 2 ms of the plain Node server (p50)',
          measured: `${plusMs(r.eventStreamAddedP50Ms)} (p95 ${plusMs(r.eventStreamAddedP95Ms)})`,
          met: r.eventStreamAddedP50Ms <= 2,
        },
      ]
    : [];

const throughput: Rule = ({ throughput: r }) =>
  r
    ? [
        {
          id: 'throughput-url',
          target: 'Throughput at least 50% of the plain Node server, function URL (200 MB)',
          measured: `${percent(r.urlRatio)} (median ${fixed(r.urlMBps)} vs ${fixed(r.plainMBps)} MB/s)`,
          met: r.urlRatio >= 0.5,
        },
        {
          id: 'throughput-event-stream',
          target: 'Throughput at least 40% of the plain Node server, event stream (200 MB)',
          measured: `${percent(r.eventStreamRatio)} (median ${fixed(r.eventStreamMBps)} vs ${fixed(r.plainMBps)} MB/s)`,
          met: r.eventStreamRatio >= 0.4,
        },
      ]
    : [];

const memory: Rule = ({ memory: r }) =>
  r
    ? [
        {
          id: 'memory-fast-client',
          target: `RSS growth under 64 MB, ${fixed(r.fast.bytes / 1e6)} MB to a fast client`,
          measured: `+${fixed(r.fast.growthMB)} MB (${fixed(r.fast.idleMB)} → ${fixed(r.fast.peakMB)} MB)`,
          met: r.fast.growthMB < 64,
        },
        {
          id: 'memory-slow-client',
          target: `RSS growth under 64 MB, ${fixed(r.slow.bytes / 1e6)} MB to a client reading 1 MB/s`,
          measured: `+${fixed(r.slow.growthMB)} MB (${fixed(r.slow.idleMB)} → ${fixed(r.slow.peakMB)} MB)`,
          met: r.slow.growthMB < 64,
        },
      ]
    : [];

const bandwidth: Rule = ({ bandwidth: r }) =>
  r
    ? [
        {
          id: 'bandwidth-model',
          target: 'Bandwidth limit within ±5% of the model (6 MiB burst, then 2 MiB/s)',
          measured: `${fixed(r.ratio)}× the model (${fixed(r.measuredSeconds.p50)} s vs ${fixed(r.modelSeconds)} s)`,
          met: Math.abs(r.ratio - 1) <= 0.05,
        },
      ]
    : [];

const coldWarm: Rule = ({ coldWarm: r }) => {
  if (!r) return [];
  const warmWorst = Math.max(r.warm.urlAddedP50Ms, r.warm.eventStreamAddedP50Ms);
  return [
    {
      id: 'warm-overhead',
      target: 'Warm invocation overhead under 2 ms (empty streaming handler, p50)',
      measured: `URL ${plusMs(r.warm.urlAddedP50Ms)}, event stream ${plusMs(r.warm.eventStreamAddedP50Ms)}`,
      met: warmWorst < 2,
    },
    {
      id: 'cold-start',
      target: 'Cold start under 300 ms (first invocation, slowest pattern function, median)',
      measured: ms(r.worstColdMs),
      met: r.worstColdMs < 300,
    },
  ];
};

const concurrency: Rule = ({ concurrency: r }) =>
  r
    ? [
        {
          id: 'concurrency-ttfb',
          target: `${r.concurrency} concurrent streams: all complete, TTFB p99 under 50 ms`,
          measured: `${r.warm.completed}/${r.concurrency * r.warm.waves} complete, p99 ${ms(r.warm.ttfb.p99)} (plain server: ${ms(r.plain.ttfb.p99)})`,
          met: r.warm.completed === r.concurrency * r.warm.waves && r.warm.ttfb.p99 < 50,
        },
      ]
    : [];

/**
 * Decides every target the run has figures for.
 *
 * @param scenarios - The run's figures.
 * @returns One row per target, in the order.
 * @example
 * ```ts
 * evaluateTargets(results.scenarios).filter((t) => !t.met);
 * ```
 */
export function evaluateTargets(scenarios: ScenarioResults): TargetResult[] {
  const rules = [ttfbRatio, overhead, throughput, memory, bandwidth, coldWarm, concurrency];
  return rules.flatMap((rule) => rule(scenarios));
}
