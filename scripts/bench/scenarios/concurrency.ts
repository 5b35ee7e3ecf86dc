/**
 * Scenario 7: 50 streaming invocations of ttfb-write at once, on an emulator started with
 * `--max-concurrency 50` (its default, 10, answers 429 beyond). A first wave starts the 50
 * environments; the next waves, measured, find them warm. The baseline: 50 requests at once to
 * the plain Node server's first write, which is what this machine's client and loopback allow.
 */
import { availableParallelism } from 'node:os';
import type { PreparedRequest } from '@lambda-streaming/streaming/client';
import { type BenchContext, TEMPLATES } from '../context.js';
import { type CpuUsage, measureCpu } from '../lib/cpu-time.js';
import { type Emulator, settleEnvironments, startEmulator } from '../lib/emulator.js';
import { childPids, sampleMemory } from '../lib/memory.js';
import { plainRequest, urlRequest } from '../lib/requests.js';
import { median, type Summary, summarize } from '../lib/stats.js';
import { type TimedResponse, timedRequest } from '../lib/timed-request.js';

/** Simultaneous requests: every wave's responses together. */
export interface Wave {
  waves: number;
  /** Responses complete with status 200 and a body. */
  completed: number;
  ttfb: Summary;
}

/** The measured waves, the cold one and the baseline. */
export interface ConcurrencyResult {
  concurrency: number;
  /** `--max-concurrency` of the emulator in this scenario. */
  maxConcurrencyFlag: number;
  warm: Wave;
  /** The first wave, which also started the environments (information). */
  cold: Wave;
  /** The plain server's first write, 50 at once. */
  plain: Wave;
  emulatorPeakMB: number;
  /** The 50 runtime processes together. */
  runtimesPeakMB: number;
  /** CPU time of a warm wave until its last first byte (median of the waves). */
  warmCpu: CpuUsage;
  /** Cores of this machine, to compare with the CPU time. */
  cores: number;
  /** Runtime processes before and after the warm waves: more after means some started cold. */
  environments: { before: number; after: number };
}

const FUNCTION = 'BenchTtfbStreamedFunction';
const CONCURRENCY = 50;

/**
 * Runs the scenario.
 *
 * @param ctx - The run's context.
 * @returns The figures.
 * @example
 * ```ts
 * const concurrency = await concurrencyScenario(ctx);
 * ```
 */
export async function concurrencyScenario(ctx: BenchContext): Promise<ConcurrencyResult> {
  const waves = ctx.quick ? 1 : 3;
  const flags = ['--max-concurrency', String(CONCURRENCY)];
  const emulator = await startEmulator([TEMPLATES.ttfbModes], flags);
  try {
    const cold = await wave(ctx, await signed(emulator));
    ctx.log(`  concurrency: ${CONCURRENCY} environments started`);
    const before = childPids(emulator.pid).length;
    const sampler = sampleMemory(emulator.pid, 50);
    const warm: { responses: TimedResponse[]; cpu: CpuUsage }[] = [];
    for (let i = 0; i < waves; i += 1) warm.push(await measuredWave(ctx, emulator));
    const peaks = sampler.stop();
    const environments = { before, after: childPids(emulator.pid).length };
    const plain = await plainWaves(ctx, waves);
    return {
      concurrency: CONCURRENCY,
      maxConcurrencyFlag: CONCURRENCY,
      warm: summarizeWaves(
        warm.flatMap((w) => w.responses),
        waves,
      ),
      cold: summarizeWaves(cold, 1),
      plain: summarizeWaves(plain, waves),
      emulatorPeakMB: peaks.peakMB,
      runtimesPeakMB: peaks.childrenPeakMB,
      warmCpu: medianCpu(warm.map((w) => w.cpu)),
      cores: availableParallelism(),
      environments,
    };
  } finally {
    await emulator.stop();
  }
}

function signed(emulator: Emulator): Promise<PreparedRequest[]> {
  return emulator
    .url(FUNCTION)
    .then((url) =>
      Promise.all(Array.from({ length: CONCURRENCY }, () => urlRequest(emulator, url))),
    );
}

/** A warm wave, with the CPU the emulator and its runtimes spent until the last first byte. */
async function measuredWave(ctx: BenchContext, emulator: Emulator) {
  const requests = await signed(emulator);
  await settleEnvironments();
  const cpu = measureCpu(emulator.pid);
  let usage: CpuUsage | undefined;
  let firstBytes = 0;
  const responses = await wave(ctx, requests, () => {
    firstBytes += 1;
    if (firstBytes === CONCURRENCY) usage = cpu.stop();
  });
  return { responses, cpu: usage ?? cpu.stop() };
}

/**
 * The baseline: the plain server's first write, 50 at once, after one unrecorded wave that opens
 * the 50 connections (as the emulator's cold wave did).
 */
async function plainWaves(ctx: BenchContext, waves: number): Promise<TimedResponse[]> {
  const requests = () =>
    Array.from({ length: CONCURRENCY }, () => plainRequest(ctx.plain.origin, '/first'));
  await wave(ctx, requests());
  const responses: TimedResponse[] = [];
  for (let i = 0; i < waves; i += 1) responses.push(...(await wave(ctx, requests())));
  return responses;
}

/** Sends every (already signed) request in one go. */
function wave(
  ctx: BenchContext,
  requests: PreparedRequest[],
  onFirstByte?: () => void,
): Promise<TimedResponse[]> {
  const options = { agent: ctx.agent, ...(onFirstByte ? { onFirstByte } : {}) };
  return Promise.all(requests.map((request) => timedRequest(request, options)));
}

function summarizeWaves(responses: TimedResponse[], waves: number): Wave {
  const completed = responses.filter((t) => t.statusCode === 200 && t.complete && t.bytes > 0);
  const ttfbs = responses.map((t) => t.ttfbMs ?? Number.POSITIVE_INFINITY);
  return { waves, completed: completed.length, ttfb: summarize(ttfbs) };
}

function medianCpu(usages: CpuUsage[]): CpuUsage {
  return {
    processMs: median(usages.map((u) => u.processMs)),
    childrenMs: median(usages.map((u) => u.childrenMs)),
  };
}
