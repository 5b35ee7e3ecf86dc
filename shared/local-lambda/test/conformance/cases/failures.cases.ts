/** What each client sees when a streaming handler's promise rejects, before or after bytes. */
import type { OnceCase } from '../case-types.js';
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

/** A value thrown before the first byte: 502, an empty stream with the error, the error JSON. */
function thrownBeforeBytes(
  name: string,
  fn: string,
  error: { errorType: string; errorMessage: string; trace?: string[] },
): OnceCase {
  return {
    name,
    fn,
    source: 'spec §1.6 (toRapidResponse), §4.4; RIC src/Errors.js, src/ResponseStream.js',
    calls: 1,
    expectBehaviour({ url, stream, invoke }) {
      expectUrlBadGateway(url);
      expectStreamFailure(stream, '', error.errorType, error.errorMessage);
      expectInvokeFailure(invoke, error);
      expectLogLine(stream.logs, /\tERROR\tInvoke Error \t\{"errorType":"/);
    },
  };
}

export const failureCases: OnceCase[] = [
  thrownBeforeBytes('reports a throw before the first byte', 'ThrowEarlyFn', {
    errorType: 'TypeError',
    errorMessage: 'early boom',
    trace: [
      'TypeError: early boom',
      '    at Runtime.handler (<app>/throw-early.mjs:3:9)',
      '<runtime frames>',
    ],
  }),
  thrownBeforeBytes('reports typeof as the type of a thrown string', 'ThrowStringFn', {
    errorType: 'string',
    errorMessage: 'a plain string',
    trace: [],
  }),
  thrownBeforeBytes('reports typeof and toString() of a thrown plain object', 'ThrowObjectFn', {
    errorType: 'object',
    errorMessage: '[object Object]',
    trace: [],
  }),
  thrownBeforeBytes('reports a thrown null as "handled"', 'ThrowNullFn', {
    errorType: 'handled',
    errorMessage: HANDLED,
  }),
  {
    name: 'cuts the URL response and completes the stream with the error of a late throw',
    fn: 'ThrowLateFn',
    source: 'spec §1.6, §3.6, §4.4 (UNCONFIRMED against AWS: how a URL client sees the end)',
    calls: 1,
    expectBehaviour({ url, stream, invoke }) {
      expectUrlCut(url, 'text/plain', 'partial ');
      expectStreamFailure(stream, 'partial ', 'Error', 'late boom');
      expectInvokeFailure(invoke, {
        errorType: 'Error',
        errorMessage: 'late boom',
        trace: [
          'Error: late boom',
          '    at Runtime.handler (<app>/throw-late.mjs:6:9)',
          '<runtime frames>',
        ],
      });
    },
  },
  {
    name: 'reports an object shaped like an Error with its own name, message and stack',
    fn: 'ThrowErrorLikeFn',
    source: 'RIC src/Errors.js (_isError: string name, message and stack)',
    calls: 1,
    expectBehaviour({ url, stream, invoke }) {
      expectUrlCut(url, 'application/octet-stream', 'x');
      expectStreamFailure(stream, 'x', 'CustomFailure', 'shaped like an Error');
      expectInvokeFailure(invoke, {
        errorType: 'CustomFailure',
        errorMessage: 'shaped like an Error',
        trace: ['CustomFailure: no frames'],
      });
    },
  },
  {
    name: 'cuts the response when a pipeline source fails, then exits with 128',
    fn: 'PipelineFailsFn',
    source: 'RIC src/ResponseStream.js (headersDone is never awaited), src/index.mjs',
    calls: 1,
    expectBehaviour({ url, stream, invoke }) {
      expectUrlCut(url, 'text/plain', 'before ');
      expectStreamFailure(stream, 'before ', 'Runtime.ExitError', exitMessage(128));
      expectInvokeFailure(invoke, {
        errorType: 'Runtime.ExitError',
        errorMessage: exitMessage(128),
      });
      expectLogLine(stream.logs, /\tERROR\tUnhandled Promise Rejection \t.*source boom/);
      expectLogLine(
        stream.logs,
        /^\[ERROR\] \[<epoch ms>\] LAMBDA_RUNTIME Failed to post handler success response\. Http response code: 403\.$/,
      );
    },
  },
];
