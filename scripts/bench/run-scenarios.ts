/** Runs the scenarios in the order, each after the one whose figure it needs. */
import type { BenchContext } from './context.js';
import type { ScenarioResults } from './results.js';
import { bandwidthScenario } from './scenarios/bandwidth.js';
import { coldWarmScenario } from './scenarios/cold-warm.js';
import { concurrencyScenario } from './scenarios/concurrency.js';
import { emulatorOverhead } from './scenarios/emulator-overhead.js';
import { memoryScenario } from './scenarios/memory.js';
import { THROUGHPUT_BYTES, throughputScenario } from './scenarios/throughput.js';
import { ttfbStreamedVsBuffered } from './scenarios/ttfb-streamed-vs-buffered.js';

type Runner = (ctx: BenchContext, done: ScenarioResults) => Promise<ScenarioResults>;

const RUNNERS: Record<keyof ScenarioResults, Runner> = {
  ttfbModes: async (ctx) => ({ ttfbModes: await ttfbStreamedVsBuffered(ctx) }),
  overhead: async (ctx) => ({ overhead: await emulatorOverhead(ctx) }),
  throughput: async (ctx) => ({ throughput: await throughputScenario(ctx) }),
  memory: async (ctx) => ({ memory: await memoryScenario(ctx, THROUGHPUT_BYTES) }),
  // The model's burst goes at full speed: the function URL's, measured just before.
  bandwidth: async (ctx, done) => ({
    bandwidth: await bandwidthScenario(
      ctx,
      done.throughput ? done.throughput.urlMBps * 1e6 : Number.POSITIVE_INFINITY,
    ),
  }),
  coldWarm: async (ctx) => ({ coldWarm: await coldWarmScenario(ctx) }),
  concurrency: async (ctx) => ({ concurrency: await concurrencyScenario(ctx) }),
};

/** Scenario names, for `--only`. */
export const SCENARIO_NAMES: string[] = Object.keys(RUNNERS);

/**
 * Runs every scenario (or those named), one after the other, logging each one's duration.
 *
 * @param ctx - The run's context.
 * @param only - Names to run; all when undefined.
 * @returns Their figures.
 * @example
 * ```ts
 * const scenarios = await runScenarios(ctx, ['throughput', 'bandwidth']);
 * ```
 */
export async function runScenarios(
  ctx: BenchContext,
  only?: readonly string[],
): Promise<ScenarioResults> {
  let done: ScenarioResults = {};
  for (const [name, runner] of Object.entries(RUNNERS)) {
    if (only && !only.includes(name)) continue;
    const started = performance.now();
    ctx.log(`${name}…`);
    done = { ...done, ...(await runner(ctx, done)) };
    ctx.log(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return done;
}
