/**
 * One part of the reliability run: its cases, run a few at a time, each with a bound on its
 * time, tallied as expected or not, with the emulator's resources sampled at the start, the
 * middle and the end.
 */
import { type ResourceSample, sampleResources } from './resources.js';

/** What a case found: `null` when it was as expected, else what differed. */
export type CaseCheck = () => Promise<string | null>;

/** A case with its name. */
export interface Case {
  name: string;
  run: CaseCheck;
  /** Its own bound, for a case that waits on purpose; {@link CASE_BOUND_MS} by default. */
  boundMs?: number;
}

/** The outcome of a part. */
export interface PartResult {
  name: string;
  tried: number;
  asExpected: number;
  notAsExpected: number;
  /** Up to 20 unexpected results, named. */
  unexpected: string[];
  seconds: number;
  resources: { start: ResourceSample; middle: ResourceSample; end: ResourceSample };
  /** Figures of the part (the async target's timing, for one). */
  notes: string[];
}

/** The longest a case may take before it counts as not as expected. */
export const CASE_BOUND_MS = 30_000;

/**
 * Runs cases `concurrency` at a time.
 *
 * @example
 * ```ts
 * const result = await runPart('SigV4 matrix', cases, emulator.pid, 4);
 * ```
 */
export async function runPart(
  name: string,
  cases: readonly Case[],
  pid: number,
  concurrency = 1,
): Promise<PartResult> {
  const started = performance.now();
  const start = sampleResources(pid);
  let middle = start;
  const unexpected: string[] = [];
  let asExpected = 0;
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < cases.length) {
      const item = cases[next++] as Case;
      const problem = await bounded(item.run, item.boundMs ?? CASE_BOUND_MS);
      if (problem === null) asExpected += 1;
      else if (unexpected.push(`${item.name}: ${problem}`) > 20) unexpected.pop();
      done += 1;
      if (done === Math.ceil(cases.length / 2)) middle = sampleResources(pid);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const tried = cases.length;
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const resources = { start, middle, end: sampleResources(pid) };
  const notAsExpected = tried - asExpected;
  return { name, tried, asExpected, notAsExpected, unexpected, seconds, resources, notes: [] };
}

async function bounded(run: CaseCheck, boundMs: number): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${boundMs / 1000} s`), boundMs);
  });
  try {
    return await Promise.race([run().catch((error: Error) => `threw ${error.message}`), limit]);
  } finally {
    clearTimeout(timer);
  }
}
