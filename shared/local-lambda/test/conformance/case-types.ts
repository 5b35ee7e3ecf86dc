/** What a conformance case is: a fixture function, where its behaviour comes from, what to expect. */
import type { CaseObservation, TwoCallObservation } from './observe-case.js';
import type { NodeRuntime } from './official-client.js';

/** A value declared for each Node.js runtime (an expectation or a source that differs). */
export type PerRuntime<T> = Readonly<Record<NodeRuntime, T>>;

interface CaseBase {
  /** The behaviour, as the test's name. */
  name: string;
  /** The function in the fixture template. */
  fn: string;
  /**
   * What the expectation is based on (spec section, RIC file, AWS doc, issue); per runtime where
   * the two official clients differ (3.3.0 for `nodejs22.x`, 4.0.2 for `nodejs24.x`).
   */
  source: string | PerRuntime<string>;
}

/** One call through each path. */
export interface OnceCase extends CaseBase {
  calls: 1;
  /** Asserts the expected behaviour on the (normalized) observation of one runtime. */
  expectBehaviour(observed: CaseObservation, runtime: NodeRuntime): void;
}

/** Two calls through each path, a second apart (the event-loop cases). */
export interface TwiceCase extends CaseBase {
  calls: 2;
  expectBehaviour(observed: TwoCallObservation, runtime: NodeRuntime): void;
}

export type ConformanceCase = OnceCase | TwiceCase;

/**
 * The frame label V8 prints for a handler: 3.3.0 calls it as a method of its `Runtime`; 4.x of
 * its `BufferedInvokeProcessor` / `StreamingInvokeProcessor` (aws-lambda-ric 4.0.2
 * `src/runtime/*-invoke-processor.ts`).
 *
 * @example
 * ```ts
 * handlerFrame('nodejs24.x', 'streaming'); // 'StreamingInvokeProcessor'
 * ```
 */
export function handlerFrame(runtime: NodeRuntime, kind: 'buffered' | 'streaming'): string {
  if (runtime === 'nodejs22.x') return 'Runtime';
  return kind === 'buffered' ? 'BufferedInvokeProcessor' : 'StreamingInvokeProcessor';
}
