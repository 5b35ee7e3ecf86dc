/**
 * Scenario 6: the first invocation of every pattern's functions (the environment's process
 * start, the runtime's init and the handler's first byte) on a fresh emulator, a few times; and
 * the warm overhead of an empty streaming handler against the plain server's empty response.
 */
import { join } from 'node:path';
import { GetFunctionCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { patternsInOrder } from '../../pattern-folders.mjs';
import type { BenchContext } from '../context.js';
import { type Emulator, startEmulator } from '../lib/emulator.js';
import { ROOT } from '../lib/paths.js';
import { urlRequest } from '../lib/requests.js';
import { median } from '../lib/stats.js';
import { timedRequest } from '../lib/timed-request.js';
import { comparePaths, type PathComparison } from './emulator-overhead.js';

/** A function's first invocations: time to first byte (ms), one per fresh emulator. */
export interface ColdStart {
  pattern: string;
  functionName: string;
  ttfbMs: number[];
  medianMs: number;
}

/** Cold starts per function and the warm comparison (time to last byte of empty responses). */
export interface ColdWarmResult {
  rounds: number;
  cold: ColdStart[];
  /** The slowest function's median. */
  worstColdMs: number;
  warm: PathComparison;
}

/**
 * Runs the scenario.
 *
 * @param ctx - The run's context.
 * @returns The figures.
 * @example
 * ```ts
 * const coldWarm = await coldWarmScenario(ctx);
 * ```
 */
export async function coldWarmScenario(ctx: BenchContext): Promise<ColdWarmResult> {
  const rounds = ctx.quick ? 1 : 5;
  const samples = new Map<string, ColdStart>();
  const templates = patternsInOrder(ROOT).map((pattern) => join(ROOT, pattern.template));
  for (let round = 0; round < rounds; round += 1) {
    const emulator = await startEmulator(templates);
    try {
      for (const { name, pattern } of await listFunctions(emulator)) {
        const entry = samples.get(name) ?? { pattern, functionName: name, ttfbMs: [], medianMs: 0 };
        entry.ttfbMs.push(await firstByte(emulator, name));
        samples.set(name, entry);
      }
    } finally {
      await emulator.stop();
    }
    ctx.log(`  cold starts round ${round + 1}/${rounds}`);
  }
  const cold = [...samples.values()].map((entry) => ({ ...entry, medianMs: median(entry.ttfbMs) }));
  const warm = await comparePaths(ctx, {
    functionName: 'BenchEmptyFunction',
    plainPath: '/empty',
    metric: 'ttlb',
  });
  return { rounds, cold, worstColdMs: Math.max(...cold.map((c) => c.medianMs)), warm };
}

/** The functions served, each with the pattern its code comes from. */
async function listFunctions(emulator: Emulator): Promise<{ name: string; pattern: string }[]> {
  const listed = await emulator.client.send(new ListFunctionsCommand({}));
  const functions = [];
  for (const { FunctionName: name } of listed.Functions ?? []) {
    if (!name) continue;
    const got = await emulator.client.send(new GetFunctionCommand({ FunctionName: name }));
    const pattern = /\/patterns\/([^/]+)\//.exec(got.Code?.Location ?? '')?.[1] ?? '?';
    functions.push({ name, pattern });
  }
  return functions;
}

/** A new connection and the first byte; the function runs on, its output dropped. */
async function firstByte(emulator: Emulator, functionName: string): Promise<number> {
  const request = await urlRequest(emulator, await emulator.url(functionName));
  const timing = await timedRequest(request, { untilFirstByte: true });
  if (timing.ttfbMs === undefined)
    throw new Error(`${functionName}: no byte (status ${timing.statusCode})`);
  return timing.ttfbMs;
}
