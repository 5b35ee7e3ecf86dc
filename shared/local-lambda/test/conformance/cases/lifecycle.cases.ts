/** Handlers that break the streaming contract: not async, never ending, dying mid-stream. */
import { expect } from 'vitest';
import type { OnceCase, PerRuntime } from '../case-types.js';
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

/** How a runtime process ends: its exit code, and a line it logs first. */
type Death = { code: number; logged?: RegExp };

/** 4.x installs no uncaughtException/unhandledRejection listener: Node prints the error, exits 1. */
const NO_LISTENERS_4 =
  'RIC 4.0.2 index.mjs (no process uncaughtException/unhandledRejection listeners): Node.js default, exit 1';

/** The runtime process ends with `code` after writing `before`: a cut, then Runtime.ExitError. */
function diesMidStream(
  name: string,
  fn: string,
  body: string,
  deaths: PerRuntime<Death>,
  source:
    | string
    | PerRuntime<string> = 'spec §1.6 (RIC exits 129/128 after reporting), §2.4 (403 while a response streams)',
): OnceCase {
  return {
    name,
    fn,
    source,
    calls: 1,
    expectBehaviour({ url, stream, invoke }, runtime) {
      const { code, logged } = deaths[runtime];
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
    name: 'fails a non-async handler that left its stream open (a string error on nodejs22.x, an Error on nodejs24.x)',
    fn: 'NonAsyncOpenFn',
    source: {
      'nodejs22.x': 'spec §1.5 step 2; RIC 3.3.0 src/Runtime.js (fail with a string)',
      'nodejs24.x': 'RIC 4.0.2 src/runtime/streaming-invoke-processor.ts (throws new Error(...))',
    },
    calls: 1,
    expectBehaviour({ url, stream, invoke }, runtime) {
      const error =
        runtime === 'nodejs22.x'
          ? { errorType: 'string', errorMessage: NON_ASYNC, trace: [] }
          : {
              errorType: 'Error',
              errorMessage: NON_ASYNC,
              trace: [`Error: ${NON_ASYNC}`, '<runtime frames>'],
            };
      expectUrlCut(url, 'text/plain', 'sync ');
      expectStreamFailure(stream, 'sync ', error.errorType, NON_ASYNC);
      expectInvokeFailure(invoke, error);
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
    'ends the runtime on an asynchronous uncaught exception mid-stream (exit 129 on nodejs22.x, 1 on nodejs24.x)',
    'AsyncThrowFn',
    'before ',
    {
      'nodejs22.x': {
        code: 129,
        logged:
          /\tERROR\tUncaught Exception \t\{"errorType":"RangeError","errorMessage":"async boom"/,
      },
      'nodejs24.x': { code: 1, logged: /^RangeError: async boom$/ },
    },
    { 'nodejs22.x': 'spec §1.6; RIC 3.3.0 src/index.mjs (exit 129)', 'nodejs24.x': NO_LISTENERS_4 },
  ),
  diesMidStream(
    'ends the runtime on an unhandled rejection mid-stream (exit 128 on nodejs22.x, 1 on nodejs24.x)',
    'UnhandledRejectionFn',
    'before ',
    {
      'nodejs22.x': {
        code: 128,
        logged:
          /\tERROR\tUnhandled Promise Rejection \t.*"errorMessage":"Error: nobody catches this"/,
      },
      'nodejs24.x': { code: 1, logged: /^Error: nobody catches this$/ },
    },
    { 'nodejs22.x': 'spec §1.6; RIC 3.3.0 src/index.mjs (exit 128)', 'nodejs24.x': NO_LISTENERS_4 },
  ),
  diesMidStream('reports process.exit() mid-stream as Runtime.ExitError', 'ProcessExitFn', 'bye ', {
    'nodejs22.x': { code: 3 },
    'nodejs24.x': { code: 3 },
  }),
];
