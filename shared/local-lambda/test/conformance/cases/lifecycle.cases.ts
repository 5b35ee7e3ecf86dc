/** Handlers that break the streaming contract: not async, never ending, dying mid-stream. */
import { expect } from 'vitest';
import type { OnceCase } from '../case-types.js';
import {
  exitMessage,
  expectInvokeFailure,
  expectInvokeSuccess,
  expectLogLine,
  expectStreamFailure,
  expectStreamSuccess,
  expectUrlBadGateway,
  expectUrlComplete,
  expectUrlCut,
} from '../expectations.js';

const NON_ASYNC = 'Streaming does not support non-async handlers.';
const TIMED_OUT = 'Task timed out after 1.00 seconds';

/** The runtime process ends with `code` after writing `before`: a cut, then Runtime.ExitError. */
function diesMidStream(
  name: string,
  fn: string,
  body: string,
  code: number,
  logged?: RegExp,
): OnceCase {
  return {
    name,
    fn,
    source: 'spec §1.6 (RIC exits 129/128 after reporting), §2.4 (403 while a response streams)',
    calls: 1,
    expectBehaviour({ url, stream, invoke }) {
      expectUrlCut(url, 'text/plain', body);
      expectStreamFailure(stream, body, 'Runtime.ExitError', exitMessage(code));
      expectInvokeFailure(invoke, {
        errorType: 'Runtime.ExitError',
        errorMessage: exitMessage(code),
      });
      if (logged) expectLogLine(stream.logs, logged);
    },
  };
}

export const lifecycleCases: OnceCase[] = [
  {
    name: 'completes a non-async handler that ended its stream, only logging the failure',
    fn: 'NonAsyncEndedFn',
    source: 'spec §1.5 step 2, §1.6; RIC src/Runtime.js',
    calls: 1,
    expectBehaviour({ url, stream, invoke }) {
      expectUrlComplete(url, 200, 'text/plain', { text: 'sync ended' });
      expectStreamSuccess(stream, { text: 'sync ended' });
      expectInvokeSuccess(invoke, { text: 'sync ended' });
      expectLogLine(stream.logs, /\tERROR\tInvoke Error \t.*Streaming does not support/);
    },
  },
  {
    name: 'fails a non-async handler that left its stream open with a string error',
    fn: 'NonAsyncOpenFn',
    source: 'spec §1.5 step 2; RIC src/Runtime.js (fail with a string)',
    calls: 1,
    expectBehaviour({ url, stream, invoke }) {
      expectUrlCut(url, 'text/plain', 'sync ');
      expectStreamFailure(stream, 'sync ', 'string', NON_ASYNC);
      expectInvokeFailure(invoke, { errorType: 'string', errorMessage: NON_ASYNC, trace: [] });
    },
  },
  {
    name: 'ignores the value a streaming handler returns, with a warning',
    fn: 'ReturnValueFn',
    source: 'spec §1.5 step 3; RIC src/Runtime.js',
    calls: 1,
    expectBehaviour({ url, stream, invoke }) {
      expectUrlComplete(url, 200, 'text/plain', { text: 'streamed' });
      expectStreamSuccess(stream, { text: 'streamed' });
      expectInvokeSuccess(invoke, { text: 'streamed' });
      expectLogLine(stream.logs, /\tWARN\tStreaming handlers ignore return values\.$/);
    },
  },
  {
    name: 'times out a handler that never ends its stream',
    fn: 'NeverEndsFn',
    source: 'spec §1.6, §3.6 (Sandbox.Timedout), §11; checklist §9 item 8',
    calls: 1,
    expectBehaviour({ url, stream, invoke }) {
      expectUrlCut(url, 'text/plain', 'waiting');
      expectStreamFailure(stream, 'waiting', 'Sandbox.Timedout', TIMED_OUT);
      expectInvokeFailure(invoke, {
        errorType: 'Sandbox.Timedout',
        errorMessage: `RequestId: <id-1> Error: ${TIMED_OUT}`,
      });
      expectLogLine(stream.logs, /^<timestamp> <id-1> Task timed out after 1\.00 seconds$/);
    },
  },
  {
    name: 'times out a handler that neither writes nor ends',
    fn: 'NeverWritesFn',
    source: 'spec §1.6 (nothing is sent at all), §4.4',
    calls: 1,
    expectBehaviour({ url, stream, invoke }) {
      expectUrlBadGateway(url);
      expectStreamFailure(stream, '', 'Sandbox.Timedout', TIMED_OUT);
      expect(invoke.functionError).toBe('Unhandled');
    },
  },
  diesMidStream(
    'ends the runtime (exit 129) on an asynchronous uncaught exception mid-stream',
    'AsyncThrowFn',
    'before ',
    129,
    /\tERROR\tUncaught Exception \t\{"errorType":"RangeError","errorMessage":"async boom"/,
  ),
  diesMidStream(
    'ends the runtime (exit 128) on an unhandled rejection mid-stream',
    'UnhandledRejectionFn',
    'before ',
    128,
    /\tERROR\tUnhandled Promise Rejection \t.*"errorMessage":"Error: nobody catches this"/,
  ),
  diesMidStream(
    'reports process.exit() mid-stream as Runtime.ExitError',
    'ProcessExitFn',
    'bye ',
    3,
  ),
];
