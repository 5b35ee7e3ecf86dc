/**
 * callbackWaitsForEmptyEventLoop ("the flag"), seen from outside: each function leaves a timer
 * pending and is called twice, a second apart. The second call lands in the first call's process
 * only if the runtime asked for the next event without waiting for that timer.
 */
import { expect } from 'vitest';
import type { TwiceCase } from '../case-types.js';
import type { TwoCallObservation } from '../observe-case.js';

function eventLoopCase(
  name: string,
  fn: string,
  source: string,
  expected: { sameProcess: boolean; secondSawPendingTimer: boolean },
): TwiceCase {
  return {
    name,
    fn,
    source,
    calls: 2,
    expectBehaviour(observed: TwoCallObservation) {
      for (const path of [observed.url, observed.stream, observed.invoke]) {
        expect({
          sameProcess: path.sameProcess,
          secondSawPendingTimer: path.secondSawPendingTimer,
        }).toEqual(expected);
      }
      expect(observed.url.second.status).toBe(200);
      expect(observed.stream.second.errorCode).toBeUndefined();
      expect(observed.invoke.second.functionError).toBeUndefined();
    },
  };
}

export const eventLoopCases: TwiceCase[] = [
  eventLoopCase(
    'waits for pending timers before the next event (streaming, flag true)',
    'StreamWaitsFn',
    'spec §1.5 step 6; RIC src/StreamingContext.js (next /next on beforeExit)',
    { sameProcess: false, secondSawPendingTimer: false },
  ),
  eventLoopCase(
    'asks for the next event at once (streaming, flag false)',
    'StreamNoWaitFn',
    'spec §1.5 step 6; RIC src/StreamingContext.js',
    { sameProcess: true, secondSawPendingTimer: true },
  ),
  eventLoopCase(
    'asks for the next event at once after an async buffered handler, whatever the flag',
    'AsyncBufferedWaitsFn',
    'RIC src/Runtime.js (a promise settles through succeed/fail), src/CallbackContext.js (done)',
    { sameProcess: true, secondSawPendingTimer: true },
  ),
  eventLoopCase(
    'posts a callback result once the event loop is empty (flag true)',
    'CallbackWaitsFn',
    'RIC src/CallbackContext.js (callback → BeforeExitListener)',
    { sameProcess: true, secondSawPendingTimer: false },
  ),
  eventLoopCase(
    'posts a callback result and asks for the next event at once (flag false)',
    'CallbackNoWaitFn',
    'RIC src/CallbackContext.js',
    { sameProcess: true, secondSawPendingTimer: true },
  ),
];
