/**
 * Runs every case on both targets at once, a few cases at a time, as soon as the suite starts;
 * each test then awaits its case's observations. A case runs on the two targets in parallel.
 */
import type { ConformanceCase } from './case-types.js';
import {
  type CaseObservation,
  observeOnce,
  observeTwice,
  type TwoCallObservation,
} from './observe-case.js';
import { startTarget, type Target } from './targets.js';

/** What one runtime showed of one case. */
export type Observed = CaseObservation | TwoCallObservation;

/** Both runtimes' observations of a case (no `official` when it cannot run here). */
export interface CaseResult {
  local: Observed;
  official?: Observed;
}

/** Cases observed at the same time: enough to overlap waits, few enough for two cores. */
const CASES_AT_ONCE = 6;

function observe(target: Target, testCase: ConformanceCase): Promise<Observed> {
  return testCase.calls === 1
    ? observeOnce(target, testCase.fn)
    : observeTwice(target, testCase.fn);
}

/** Asserts a case's expected behaviour on one runtime's observation. */
export function expectBehaviour(testCase: ConformanceCase, observed: Observed): void {
  if (testCase.calls === 1) testCase.expectBehaviour(observed as CaseObservation);
  else testCase.expectBehaviour(observed as TwoCallObservation);
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

/**
 * The suite's targets and the observations of every case, started at once.
 *
 * @example
 * ```ts
 * const runs = await CaseRuns.start(cases, true);
 * const { local, official } = await runs.of(cases[0]);
 * await runs.close();
 * ```
 */
export class CaseRuns {
  readonly #results = new Map<ConformanceCase, Promise<CaseResult>>();

  private constructor(readonly targets: Target[]) {}

  /**
   * @param cases - Every case of the suite.
   * @param withOfficial - Whether to run them under the official client too.
   */
  static async start(cases: readonly ConformanceCase[], withOfficial: boolean): Promise<CaseRuns> {
    const [local, official] = await Promise.all([
      startTarget('local'),
      withOfficial ? startTarget('official') : undefined,
    ]);
    const runs = new CaseRuns(official ? [local, official] : [local]);
    const slot = limiter(CASES_AT_ONCE);
    for (const testCase of cases) {
      const result = slot(async () => {
        const [ours, theirs] = await Promise.all([
          observe(local, testCase),
          official ? observe(official, testCase) : undefined,
        ]);
        return theirs ? { local: ours, official: theirs } : { local: ours };
      });
      result.catch(() => {}); // awaited by the case's tests, which report the failure
      runs.#results.set(testCase, result);
    }
    return runs;
  }

  /** The observations of a case, once they are in. */
  of(testCase: ConformanceCase): Promise<CaseResult> {
    const result = this.#results.get(testCase);
    if (!result) throw new Error(`${testCase.name} was not scheduled`);
    return result;
  }

  /** Stops both emulators (after every observation is in, or failed). */
  async close(): Promise<void> {
    await Promise.allSettled(this.#results.values());
    await Promise.all(this.targets.map((target) => target.close()));
  }
}
