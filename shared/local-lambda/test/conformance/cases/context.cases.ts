/** What a handler can read: the context object, its environment, the client context. */
import { expect } from 'vitest';
import { bodyText } from '../body-view.js';
import type { OnceCase } from '../case-types.js';
import type { CaseObservation } from '../observe-case.js';
import { CLIENT_CONTEXT } from '../observe-sdk.js';
import type { NodeRuntime } from '../official-client.js';

/** 3.3.0's data keys, after the callback/streaming context's own (src/InvokeContext.js). */
const DATA_KEYS = [
  'functionVersion',
  'functionName',
  'memoryLimitInMB',
  'logGroupName',
  'logStreamName',
  'clientContext',
  'identity',
  'invokedFunctionArn',
  'awsRequestId',
  'tenantId',
  'getRemainingTimeInMillis',
];

/** 4.x: one plain object for both kinds (src/context/context-builder.ts), in this order. */
const KEYS_4 = [
  'clientContext',
  'identity',
  'invokedFunctionArn',
  'awsRequestId',
  'tenantId',
  'xRayTraceId',
  'getRemainingTimeInMillis',
  'functionName',
  'functionVersion',
  'memoryLimitInMB',
  'logGroupName',
  'logStreamName',
];

/** What differs between the runtimes' context objects, globals and Node.js. */
function perRuntime(runtime: NodeRuntime, streaming: boolean) {
  if (runtime === 'nodejs24.x') {
    const method = 'undefined';
    return {
      keys: KEYS_4,
      methods: {
        getRemainingTimeInMillis: 'function',
        succeed: method,
        fail: method,
        done: method,
      },
      // The Lambda-Runtime-Trace-Id header's value; no callbackWaitsForEmptyEventLoop at all.
      xRayTraceId: '<trace-id>',
      nodeMajor: '24',
      awslambda: ['streamifyResponse', 'HttpResponseStream', 'InvokeStore'],
    };
  }
  const method = streaming ? 'undefined' : 'function';
  return {
    keys: streaming
      ? ['callbackWaitsForEmptyEventLoop', ...DATA_KEYS]
      : ['callbackWaitsForEmptyEventLoop', 'succeed', 'fail', 'done', ...DATA_KEYS],
    methods: { getRemainingTimeInMillis: 'function', succeed: method, fail: method, done: method },
    callbackWaitsForEmptyEventLoop: true,
    nodeMajor: '22',
    awslambda: ['streamifyResponse', 'HttpResponseStream'],
  };
}

function expectedContext(fn: string, handler: string, streaming: boolean, runtime: NodeRuntime) {
  return {
    ...perRuntime(runtime, streaming),
    functionName: fn,
    functionVersion: '$LATEST',
    memoryLimitInMB: '256',
    logGroupName: `/aws/lambda/${fn}`,
    logStreamName: '<log-stream>',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${fn}`,
    remainingMs: '<0 < ms <= 5000>',
    remainingDecreases: true,
    env: {
      AWS_LAMBDA_FUNCTION_NAME: fn,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn}`,
      AWS_REGION: 'us-east-1',
      AWS_EXECUTION_ENV: `AWS_Lambda_${runtime}`,
      _HANDLER: handler,
      _X_AMZN_TRACE_ID: '<trace-id>',
    },
  };
}

function contextCase(fn: string, handler: string, streaming: boolean): OnceCase {
  return {
    name: `gives a ${streaming ? 'streaming' : 'buffered'} handler its context fields, remaining time and client context`,
    fn,
    source: {
      'nodejs22.x':
        'spec §1.2, §2.2; RIC 3.3.0 src/InvokeContext.js, src/StreamingContext.js, src/CallbackContext.js',
      'nodejs24.x':
        'RIC 4.0.2 src/context/context-builder.ts (keys, xRayTraceId, no callbackWaitsForEmptyEventLoop), src/utils/globals.ts and @aws/lambda-invoke-store (awslambda.InvokeStore)',
    },
    calls: 1,
    expectBehaviour({ url, stream, invoke }: CaseObservation, runtime) {
      // The official client runs on the Node.js major the function's Runtime names, as ours does.
      const expected = expectedContext(fn, handler, streaming, runtime);
      const read = (text: string) => JSON.parse(text) as Record<string, unknown>;
      expect(url.status).toBe(200);
      // A URL call carries no client context; the function's request id is the URL's.
      expect(read(bodyText(url.body))).toEqual({ ...expected, awsRequestId: '<id-1>' });
      expect(url.headers['x-amzn-requestid']).toEqual(['<id-1>']);
      for (const sdk of [stream.body, invoke.body]) {
        expect(read(bodyText(sdk))).toEqual({
          ...expected,
          awsRequestId: '<id-1>',
          clientContext: CLIENT_CONTEXT,
        });
      }
    },
  };
}

export const contextCases: OnceCase[] = [
  contextCase('ContextFn', 'context.streaming', true),
  contextCase('ContextBufferedFn', 'context.buffered', false),
];
