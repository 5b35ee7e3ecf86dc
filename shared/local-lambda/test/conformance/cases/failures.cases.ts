/** What each client sees when a streaming handler's promise rejects, before or after bytes. */
import { handlerFrame, type OnceCase, type PerRuntime } from '../case-types.js';
import {
  exitMessage,
  expectInvokeFailure,
  expectLogLine,
  expectStreamFailure,
  expectUrlBadGateway,
  expectUrlCut,
} from '../expectations.js';

const HANDLED =
  'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack';

type ErrorBody = { errorType: string; errorMessage: string; trace?: string[] };

const THROWN_22 =
  'spec §1.6 (toRapidResponse), §4.4; RIC 3.3.0 src/Errors.js, src/ResponseStream.js';
const THROWN_4 =
  'RIC 4.0.2 src/utils/error.ts (formatError: instanceof Error only, else typeof/String, trace [])';

/** A value thrown before the first byte: 502, an empty stream with the error, the error JSON. */
function thrownBeforeBytes(
  name: string,
  fn: string,
  errors: PerRuntime<ErrorBody>,
  source: string | PerRuntime<string> = THROWN_22,
): OnceCase {
  return {
    name,
    fn,
    source,
    calls: 1,
    expectBehaviour({ url, stream, invoke }, runtime) {
      const error = errors[runtime];
      expectUrlBadGateway(url);
      expectStreamFailure(stream, '', error.errorType, error.errorMessage);
      expectInvokeFailure(invoke, error);
      expectLogLine(stream.logs, /\tERROR\tInvoke Error \t\{"errorType":"/);
    },
  };
}

/** The same error body on both runtimes. */
const both = (error: ErrorBody): PerRuntime<ErrorBody> => ({
  'nodejs22.x': error,
  'nodejs24.x': error,
});

function earlyThrow(runtime: 'nodejs22.x' | 'nodejs24.x'): ErrorBody {
  return {
    errorType: 'TypeError',
    errorMessage: 'early boom',
    trace: [
      'TypeError: early boom',
      `    at ${handlerFrame(runtime, 'streaming')}.handler (<app>/throw-early.mjs:3:9)`,
      '<runtime frames>',
    ],
  };
}

export const failureCases: OnceCase[] = [
  thrownBeforeBytes(
    'reports a throw before the first byte',
    'ThrowEarlyFn',
    { 'nodejs22.x': earlyThrow('nodejs22.x'), 'nodejs24.x': earlyThrow('nodejs24.x') },
    {
      'nodejs22.x': THROWN_22,
      'nodejs24.x': 'RIC 4.0.2 src/runtime/streaming-invoke-processor.ts',
    },
  ),
  thrownBeforeBytes(
    'reports typeof as the type of a thrown string',
    'ThrowStringFn',
    both({ errorType: 'string', errorMessage: 'a plain string', trace: [] }),
  ),
  thrownBeforeBytes(
    'reports typeof and toString() of a thrown plain object',
    'ThrowObjectFn',
    both({ errorType: 'object', errorMessage: '[object Object]', trace: [] }),
  ),
  thrownBeforeBytes(
    'reports a thrown null as "handled" (nodejs22.x) or as an object (nodejs24.x)',
    'ThrowNullFn',
    {
      'nodejs22.x': { errorType: 'handled', errorMessage: HANDLED },
      'nodejs24.x': { errorType: 'object', errorMessage: 'null', trace: [] },
    },
    { 'nodejs22.x': THROWN_22, 'nodejs24.x': THROWN_4 },
  ),
  {
    name: 'cuts the URL response and completes the stream with the error of a late throw',
    fn: 'ThrowLateFn',
    source: 'spec §1.6, §3.6, §4.4 (UNCONFIRMED against AWS: how a URL client sees the end)',
    calls: 1,
    expectBehaviour({ url, stream, invoke }, runtime) {
      expectUrlCut(url, 'text/plain', 'partial ');
      expectStreamFailure(stream, 'partial ', 'Error', 'late boom');
      expectInvokeFailure(invoke, {
        errorType: 'Error',
        errorMessage: 'late boom',
        trace: [
          'Error: late boom',
          `    at ${handlerFrame(runtime, 'streaming')}.handler (<app>/throw-late.mjs:6:9)`,
          '<runtime frames>',
        ],
      });
    },
  },
  {
    name: 'reports an object shaped like an Error as an error (nodejs22.x) or as an object (nodejs24.x)',
    fn: 'ThrowErrorLikeFn',
    source: {
      'nodejs22.x': 'RIC 3.3.0 src/Errors.js (_isError: string name, message and stack)',
      'nodejs24.x': THROWN_4,
    },
    calls: 1,
    expectBehaviour({ url, stream, invoke }, runtime) {
      const error =
        runtime === 'nodejs22.x'
          ? {
              errorType: 'CustomFailure',
              errorMessage: 'shaped like an Error',
              trace: ['CustomFailure: no frames'],
            }
          : { errorType: 'object', errorMessage: '[object Object]', trace: [] };
      expectUrlCut(url, 'application/octet-stream', 'x');
      expectStreamFailure(stream, 'x', error.errorType, error.errorMessage);
      expectInvokeFailure(invoke, error);
    },
  },
  {
    name: 'cuts the response when a pipeline source fails, then exits (128 on nodejs22.x, 1 on nodejs24.x)',
    fn: 'PipelineFailsFn',
    source: {
      'nodejs22.x': 'RIC 3.3.0 src/ResponseStream.js (headersDone is never awaited), src/index.mjs',
      'nodejs24.x':
        'RIC 4.0.2 src/stream/response-stream.ts; no unhandledRejection listener: Node prints the error and exits 1',
    },
    calls: 1,
    expectBehaviour({ url, stream, invoke }, runtime) {
      const code = runtime === 'nodejs22.x' ? 128 : 1;
      expectUrlCut(url, 'text/plain', 'before ');
      expectStreamFailure(stream, 'before ', 'Runtime.ExitError', exitMessage(code));
      expectInvokeFailure(invoke, {
        errorType: 'Runtime.ExitError',
        errorMessage: exitMessage(code),
      });
      if (runtime === 'nodejs24.x') {
        expectLogLine(stream.logs, /^Error: source boom$/);
        return;
      }
      expectLogLine(stream.logs, /\tERROR\tUnhandled Promise Rejection \t.*source boom/);
      expectLogLine(
        stream.logs,
        /^\[ERROR\] \[<epoch ms>\] LAMBDA_RUNTIME Failed to post handler success response\. Http response code: 403\.$/,
      );
    },
  },
];
