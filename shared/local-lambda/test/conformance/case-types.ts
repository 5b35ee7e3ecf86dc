/** What a conformance case is: a fixture function, where its behaviour comes from, what to expect. */
import type { CaseObservation, TwoCallObservation } from './observe-case.js';

interface CaseBase {
  /** The behaviour, as the test's name. */
  name: string;
  /** The function in the fixture template. */
  fn: string;
  /** What the expectation is based on (spec section, RIC file, AWS doc, issue). */
  source: string;
}

/** One call through each path. */
export interface OnceCase extends CaseBase {
  calls: 1;
  /** Asserts the expected behaviour on the (normalized) observation of one runtime. */
  expectBehaviour(observed: CaseObservation): void;
}

/** Two calls through each path, a second apart (the event-loop cases). */
export interface TwiceCase extends CaseBase {
  calls: 2;
  expectBehaviour(observed: TwoCallObservation): void;
}

export type ConformanceCase = OnceCase | TwiceCase;
