/**
 * Work a handler leaves pending after its response: an un-awaited promise (4 s) and a timer
 * (5 s), each logging the request that left it. Called twice through each path, a second apart.
 * A runtime that waits for them before asking for the next event (3.3.0 streaming) is still busy
 * when the second call comes, which meets a new process, and their lines belong to the first
 * call's invocation. A runtime that does not (4.x; 3.3.0 after an async buffered handler) takes the
 * second call in the same process, whose handler waits for them: their lines come after the first
 * invocation (during the second call, or between the calls when it comes late). The expectations
 * hold with and without freezing idle environments (frozen, they run when the second call thaws
 * the process).
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

/** What the two calls show when the runtime waits for the leftovers, or does not. */
const WAITS = {
  sameProcess: false,
  secondSawLeftovers: [],
  firstLeftoversLogged: { promise: 'its own invocation', timer: 'its own invocation' },
};
const DOES_NOT_WAIT = {
  sameProcess: true,
  secondSawLeftovers: ['promise', 'timer'],
  firstLeftoversLogged: { promise: 'after it', timer: 'after it' },
};

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
      const expected = waitsForLeftovers[runtime] ? WAITS : DOES_NOT_WAIT;
      for (const path of [observed.url, observed.stream, observed.invoke]) {
        const { sameProcess, secondSawLeftovers, firstLeftoversLogged } = path;
        expect({ sameProcess, secondSawLeftovers, firstLeftoversLogged }).toEqual(expected);
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
        // A BUFFERED URL answers a JSON string result with the string itself.
        expectUrlComplete(url, 200, 'application/json', { text: 'returned' });
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
