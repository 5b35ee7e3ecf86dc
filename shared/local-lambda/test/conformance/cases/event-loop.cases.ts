/**
 * callbackWaitsForEmptyEventLoop ("the flag"), seen from outside: each function leaves a timer
 * pending and is called twice, a second apart. The second call lands in the first call's process
 * only if the runtime asked for the next event without waiting for that timer. 4.x has no flag:
 * it never waits, and refuses callback handlers at Init (callback.cases.ts checks the error).
 * The 4 s timers outlast the second call with or without freezing idle environments.
 */
import { expect } from 'vitest';
import type { PerRuntime, TwiceCase } from '../case-types.js';
import type { TwoCallObservation } from '../observe-case.js';

/** What the two calls say about the process, or that the function is refused at Init. */
type Expected = { sameProcess: boolean; secondSawPendingTimer: boolean } | 'refused';

function eventLoopCase(
  name: string,
  fn: string,
  source: string | PerRuntime<string>,
  expected: PerRuntime<Expected>,
): TwiceCase {
  return {
    name,
    fn,
    source,
    calls: 2,
    expectBehaviour(observed: TwoCallObservation, runtime) {
      const paths = [observed.url, observed.stream, observed.invoke];
      const expectation = expected[runtime];
      if (expectation === 'refused') {
        for (const path of paths) expect(path.sameProcess).toBeUndefined();
        for (const call of [observed.stream.first, observed.stream.second]) {
          expect(call.errorCode).toBe('Runtime.CallbackHandlerDeprecated');
        }
        for (const call of [observed.invoke.first, observed.invoke.second]) {
          expect(call.functionError).toBe('Unhandled');
        }
        return;
      }
      for (const path of paths) {
        expect({
          sameProcess: path.sameProcess,
          secondSawPendingTimer: path.secondSawPendingTimer,
        }).toEqual(expectation);
      }
      expect(observed.url.second.status).toBe(200);
      expect(observed.stream.second.errorCode).toBeUndefined();
      expect(observed.invoke.second.functionError).toBeUndefined();
    },
  };
}

const NO_WAIT = { sameProcess: true, secondSawPendingTimer: true };
const STREAMING_4 =
  'RIC 4.0.2 src/runtime/streaming-invoke-processor.ts, runtime.ts (/next once the response POST is answered; no flag, no beforeExit listener)';
const CALLBACK_4 = 'RIC 4.0.2 src/function/callback-deprecation.ts (refused at Init)';

export const eventLoopCases: TwiceCase[] = [
  eventLoopCase(
    'waits for pending timers before the next event (streaming, flag true)',
    'StreamWaitsFn',
    {
      'nodejs22.x':
        'spec §1.5 step 6; RIC 3.3.0 src/StreamingContext.js (next /next on beforeExit)',
      'nodejs24.x': STREAMING_4,
    },
    { 'nodejs22.x': { sameProcess: false, secondSawPendingTimer: false }, 'nodejs24.x': NO_WAIT },
  ),
  eventLoopCase(
    'asks for the next event at once (streaming, flag false)',
    'StreamNoWaitFn',
    {
      'nodejs22.x': 'spec §1.5 step 6; RIC 3.3.0 src/StreamingContext.js',
      'nodejs24.x': STREAMING_4,
    },
    { 'nodejs22.x': NO_WAIT, 'nodejs24.x': NO_WAIT },
  ),
  eventLoopCase(
    'asks for the next event at once after an async buffered handler, whatever the flag',
    'AsyncBufferedWaitsFn',
    {
      'nodejs22.x':
        'RIC 3.3.0 src/Runtime.js (a promise settles through succeed/fail), src/CallbackContext.js (done)',
      'nodejs24.x': 'RIC 4.0.2 src/runtime/buffered-invoke-processor.ts, runtime.ts',
    },
    { 'nodejs22.x': NO_WAIT, 'nodejs24.x': NO_WAIT },
  ),
  eventLoopCase(
    'posts a callback result once the event loop is empty (flag true)',
    'CallbackWaitsFn',
    {
      'nodejs22.x': 'RIC 3.3.0 src/CallbackContext.js (callback → BeforeExitListener)',
      'nodejs24.x': CALLBACK_4,
    },
    { 'nodejs22.x': { sameProcess: true, secondSawPendingTimer: false }, 'nodejs24.x': 'refused' },
  ),
  eventLoopCase(
    'posts a callback result and asks for the next event at once (flag false)',
    'CallbackNoWaitFn',
    { 'nodejs22.x': 'RIC 3.3.0 src/CallbackContext.js', 'nodejs24.x': CALLBACK_4 },
    { 'nodejs22.x': NO_WAIT, 'nodejs24.x': 'refused' },
  ),
];
