/**
 * Handler signatures whose fate changed with nodejs24.x: callback-style handlers (refused at Init
 * by 4.x, async ones included), a synchronous handler's return value, a handler found only on the
 * module's default export, and a module that fails while loading.
 */
import { expect } from 'vitest';
import type { OnceCase } from '../case-types.js';
import {
  expectInvokeFailure,
  expectInvokeSuccess,
  expectLogLine,
  expectStreamFailure,
  expectStreamSuccess,
  expectUrlBadGateway,
  expectUrlComplete,
} from '../expectations.js';
import type { CaseObservation } from '../observe-case.js';

/** 4.0.2 `src/context/constants.ts` CALLBACK_ERROR_NODEJS24_ABOVE, exact. */
const CALLBACK_REFUSED =
  'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';
const DEPRECATED = 'Runtime.CallbackHandlerDeprecated';

/** Every path fails at Init with the deprecation error, logged as an `Init Error`. */
function expectRefused({ url, stream, invoke }: CaseObservation): void {
  expectUrlBadGateway(url);
  expectStreamFailure(stream, '', DEPRECATED, CALLBACK_REFUSED);
  expectInvokeFailure(invoke, {
    errorType: DEPRECATED,
    errorMessage: CALLBACK_REFUSED,
    trace: [`${DEPRECATED}: ${CALLBACK_REFUSED}`, '<runtime frames>'],
  });
  expectLogLine(
    invoke.logs,
    /^<timestamp>\t-\tERROR\tInit Error \t\{"errorType":"Runtime\.CallbackHandlerDeprecated",.*"name":"Runtime\.CallbackHandlerDeprecated"/,
  );
}

/** A buffered result through the three paths. */
function expectReturned({ url, stream, invoke }: CaseObservation, json: string): void {
  expectUrlComplete(url, 200, 'application/json', { text: json });
  expectStreamSuccess(stream, { text: json });
  expectInvokeSuccess(invoke, { text: json });
}

const REFUSED_4 =
  'RIC 4.0.2 src/function/callback-deprecation.ts, src/context/constants.ts, src/utils/errors.ts';

export const callbackCases: OnceCase[] = [
  {
    name: 'runs a callback handler (nodejs22.x) or refuses it at Init (nodejs24.x)',
    fn: 'CallbackFn',
    source: { 'nodejs22.x': 'RIC 3.3.0 src/CallbackContext.js', 'nodejs24.x': REFUSED_4 },
    calls: 1,
    expectBehaviour(observed, runtime) {
      if (runtime === 'nodejs24.x') expectRefused(observed);
      else expectReturned(observed, '{"via":"callback"}');
    },
  },
  {
    name: 'refuses an async handler that declares a callback on nodejs24.x too',
    fn: 'AsyncCallbackFn',
    source: {
      'nodejs22.x': 'RIC 3.3.0 src/Runtime.js (a returned promise settles the invocation)',
      'nodejs24.x': `${REFUSED_4} (argsNum >= 3, no isAsync exemption)`,
    },
    calls: 1,
    expectBehaviour(observed, runtime) {
      if (runtime === 'nodejs24.x') expectRefused(observed);
      else expectReturned(observed, '{"via":"async callback"}');
    },
  },
  {
    name: "ignores a synchronous handler's return value (nodejs22.x: null) or returns it (nodejs24.x)",
    fn: 'SyncReturnFn',
    source: {
      'nodejs22.x': 'RIC 3.3.0 src/Runtime.js (_setDefaultExitListener posts null at beforeExit)',
      'nodejs24.x': 'RIC 4.0.2 src/runtime/buffered-invoke-processor.ts (await handler(...))',
    },
    calls: 1,
    expectBehaviour(observed, runtime) {
      expectReturned(observed, runtime === 'nodejs24.x' ? '{"via":"sync return"}' : 'null');
    },
  },
  {
    name: 'finds a handler on the default export only on nodejs24.x',
    fn: 'DefaultExportFn',
    source: {
      'nodejs22.x': 'RIC 3.3.0 src/UserFunction.js (Runtime.HandlerNotFound)',
      'nodejs24.x': 'RIC 4.0.2 src/function/handler-resolver.ts (falls back to module.default)',
    },
    calls: 1,
    expectBehaviour(observed, runtime) {
      if (runtime === 'nodejs24.x') {
        expectReturned(observed, '{"via":"default export"}');
        return;
      }
      const message = 'default-export.handler is undefined or not exported';
      expectUrlBadGateway(observed.url);
      expectStreamFailure(observed.stream, '', 'Runtime.HandlerNotFound', message);
      expect(observed.invoke.functionError).toBe('Unhandled');
    },
  },
  {
    name: 'reports a module that throws while loading (logged as Uncaught Exception, or Init Error)',
    fn: 'InitFailsFn',
    source: {
      'nodejs22.x': 'RIC 3.3.0 src/index.mjs (uncaughtException listener, /init/error, exit 129)',
      'nodejs24.x':
        'RIC 4.0.2 src/utils/runtime-setup.ts (Init Error, /init/error, then exit 1), @aws/lambda-invoke-store ("-" outside invocations)',
    },
    calls: 1,
    expectBehaviour({ url, stream, invoke }, runtime) {
      expectUrlBadGateway(url);
      expectStreamFailure(stream, '', 'TypeError', 'init boom');
      expect(invoke.functionError).toBe('Unhandled');
      const noRequestId = runtime === 'nodejs24.x' ? '-' : 'undefined';
      const label = runtime === 'nodejs24.x' ? 'Init Error' : 'Uncaught Exception';
      expectLogLine(
        invoke.logs,
        new RegExp(`^<timestamp>\\t${noRequestId}\\tINFO\\tmodule starts loading$`),
      );
      expectLogLine(
        invoke.logs,
        new RegExp(
          `^<timestamp>\\t${noRequestId}\\tERROR\\t${label} \\t\\{"errorType":"TypeError","errorMessage":"init boom"`,
        ),
      );
    },
  },
];
