/**
 * Work a handler leaves pending after its response: a timer (300 ms) and an un-awaited promise
 * (150 ms), each logging when it runs. Called twice through each path, a second apart: the first
 * call's log tail shows whether the runtime waited for them before asking for the next event
 * (3.3.0 streaming does: they log inside the invocation, before END); the second call reports
 * that they have all run (it waits for them, so this holds whether idle environments are frozen,
 * which runs them when the next call thaws the process, or not, which runs them while idle).
 */
import { expect } from 'vitest';
import type { OnceCase, PerRuntime, TwiceCase } from '../case-types.js';
import {
  exitMessage,
  expectInvokeFailure,
  expectInvokeSuccess,
  expectLogLine,
  expectStreamFailure,
  expectStreamSuccess,
  expectUrlComplete,
} from '../expectations.js';
import type { TwoCallObservation } from '../observe-case.js';

const LEFTOVER = /\tINFO\tleftover (?:timer|promise) from invocation \d+$/;

function leftoverCase(
  name: string,
  fn: string,
  source: PerRuntime<string>,
  waitsForLeftovers: PerRuntime<boolean>,
): TwiceCase {
  return {
    name,
    fn,
    source,
    calls: 2,
    expectBehaviour(observed: TwoCallObservation, runtime) {
      for (const path of [observed.url, observed.stream, observed.invoke]) {
        expect(path.sameProcess).toBe(true);
        expect(path.secondSawLeftovers).toEqual(['promise', 'timer']);
      }
      for (const first of [observed.stream.first, observed.invoke.first]) {
        const lines = (first.logs ?? []).filter((line) => LEFTOVER.test(line));
        if (!waitsForLeftovers[runtime]) {
          expect(lines).toEqual([]);
          continue;
        }
        // In the invocation, with its request id, before its END line.
        expect(lines).toEqual([
          expect.stringMatching(
            /^<timestamp>\t<id-1>\tINFO\tleftover promise from invocation \d+$/,
          ),
          expect.stringMatching(/^<timestamp>\t<id-1>\tINFO\tleftover timer from invocation \d+$/),
        ]);
        const end = first.logs?.findIndex((line) => line.startsWith('END RequestId:')) ?? -1;
        expect(first.logs?.findIndex((line) => LEFTOVER.test(line))).toBeLessThan(end);
      }
      expect(observed.stream.second.errorCode).toBeUndefined();
      expect(observed.invoke.second.functionError).toBeUndefined();
    },
  };
}

const NEXT_AT_ONCE_4 =
  'RIC 4.0.2 src/runtime/runtime.ts (processSingleConcurrent: /next as soon as processInvoke resolves); developer guide config-rs-write-functions';

export const leftoverCases: (TwiceCase | OnceCase)[] = [
  leftoverCase(
    'runs what a streaming handler leaves after end() inside the invocation (nodejs22.x) or after it (nodejs24.x)',
    'StreamLeftoversFn',
    {
      'nodejs22.x': 'RIC 3.3.0 src/StreamingContext.js (next /next at beforeExit, flag true)',
      'nodejs24.x': NEXT_AT_ONCE_4,
    },
    { 'nodejs22.x': true, 'nodejs24.x': false },
  ),
  leftoverCase(
    'runs what an async buffered handler leaves after returning outside the invocation',
    'BufferedLeftoversFn',
    {
      'nodejs22.x': 'RIC 3.3.0 src/Runtime.js (a settled promise posts and asks for /next at once)',
      'nodejs24.x': NEXT_AT_ONCE_4,
    },
    { 'nodejs22.x': false, 'nodejs24.x': false },
  ),
  {
    name: 'returns the result of a handler whose floating promise rejects (nodejs22.x) or fails it (nodejs24.x)',
    fn: 'FloatingRejectionFn',
    source: {
      'nodejs22.x':
        'RIC 3.3.0 src/Runtime.js (posts in the promise reaction, before the rejection surfaces)',
      'nodejs24.x':
        'RIC 4.0.2 src/runtime/lifecycle-manager.ts (posts one setImmediate later), no unhandledRejection listener; aws-lambda-base-images#392',
    },
    calls: 1,
    expectBehaviour({ url, stream, invoke }, runtime) {
      if (runtime === 'nodejs22.x') {
        expectUrlComplete(url, 200, 'application/json', { text: '"returned"' });
        expectStreamSuccess(stream, { text: '"returned"' });
        expectInvokeSuccess(invoke, { text: '"returned"' });
        return;
      }
      expectUrlComplete(url, 502, 'text/plain; charset=utf-8', { text: 'Internal Server Error' });
      expectStreamFailure(stream, '', 'Runtime.ExitError', exitMessage(1));
      expectInvokeFailure(invoke, { errorType: 'Runtime.ExitError', errorMessage: exitMessage(1) });
      expectLogLine(invoke.logs, /^Error: floating rejection$/);
    },
  },
];
