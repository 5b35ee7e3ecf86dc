/**
 * Runs every case on every target at once, a few at a time, as soon as the suite starts; each
 * test then awaits its case's observations. Per Node.js runtime there are two targets (the
 * project's runtime and that runtime's official client), and a case runs on both in parallel.
 */
import type { ConformanceCase } from './case-types.js';
import {
  type CaseObservation,
  observeOnce,
  observeTwice,
  type TwoCallObservation,
} from './observe-case.js';
import type { NodeRuntime } from './official-client.js';
import { startTarget, type Target } from './targets.js';

/** What one runtime showed of one case. */
export type Observed = CaseObservation | TwoCallObservation;

/** Both runtimes' observations of a case (no `official` when it cannot run here). */
export interface CaseResult {
  local: Observed;
  official?: Observed;
}

/** Which runtimes to run, and whether each one's official client can run here. */
export type RuntimePlan = ReadonlyArray<{ runtime: NodeRuntime; withOfficial: boolean }>;

/** Case runs at once (each on two targets): enough to overlap waits, few enough for two cores. */
const CASES_AT_ONCE = 6;

function observe(target: Target, testCase: ConformanceCase): Promise<Observed> {
  return testCase.calls === 1
    ? observeOnce(target, testCase.fn)
    : observeTwice(target, testCase.fn);
}

/** Asserts a case's expected behaviour on one runtime's observation. */
export function expectBehaviour(
  testCase: ConformanceCase,
  observed: Observed,
  runtime: NodeRuntime,
): void {
  if (testCase.calls === 1) testCase.expectBehaviour(observed as CaseObservation, runtime);
  else testCase.expectBehaviour(observed as TwoCallObservation, runtime);
}

/** Runs `task`s with at most `limit` in flight. */
function limiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

const key = (testCase: ConformanceCase, runtime: NodeRuntime) => `${runtime} ${testCase.name}`;

/**
 * The suite's targets and the observations of every case on every runtime, started at once.
 *
 * @example
 * ```ts
 * const runs = await CaseRuns.start(cases, [{ runtime: 'nodejs24.x', withOfficial: true }]);
 * const { local, official } = await runs.of(cases[0], 'nodejs24.x');
 * await runs.close();
 * ```
 */
export class CaseRuns {
  readonly #results = new Map<string, Promise<CaseResult>>();

  private constructor(readonly targets: Target[]) {}

  /**
   * @param cases - Every case of the suite.
   * @param plan - The runtimes, and whether to run each under its official client too.
   */
  static async start(cases: readonly ConformanceCase[], plan: RuntimePlan): Promise<CaseRuns> {
    const pairs = await Promise.all(
      plan.map(async ({ runtime, withOfficial }) => {
        const [local, official] = await Promise.all([
          startTarget('local', runtime),
          withOfficial ? startTarget('official', runtime) : undefined,
        ]);
        return { runtime, local, official };
      }),
    );
    const targets = pairs.flatMap(({ local, official }) =>
      official ? [local, official] : [local],
    );
    const runs = new CaseRuns(targets);
    const slot = limiter(CASES_AT_ONCE);
    // Case by case, each on every runtime, so the slow cases (listed first) overlap the rest.
    for (const testCase of cases) {
      for (const { runtime, local, official } of pairs) {
        const result = slot(async () => {
          const [ours, theirs] = await Promise.all([
            observe(local, testCase),
            official ? observe(official, testCase) : undefined,
          ]);
          return theirs ? { local: ours, official: theirs } : { local: ours };
        });
        result.catch(() => {}); // awaited by the case's tests, which report the failure
        runs.#results.set(key(testCase, runtime), result);
      }
    }
    return runs;
  }

  /** The observations of a case on a runtime, once they are in. */
  of(testCase: ConformanceCase, runtime: NodeRuntime): Promise<CaseResult> {
    const result = this.#results.get(key(testCase, runtime));
    if (!result) throw new Error(`${testCase.name} was not scheduled on ${runtime}`);
    return result;
  }

  /** Stops every emulator (after every observation is in, or failed). */
  async close(): Promise<void> {
    await Promise.allSettled(this.#results.values());
    await Promise.all(this.targets.map((target) => target.close()));
  }
}
