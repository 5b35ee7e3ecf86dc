import type { Context } from 'aws-lambda';

/** Fields of the context fixture that tests commonly set. */
export interface ContextOptions {
  functionName?: string;
  awsRequestId?: string;
  memoryLimitInMB?: number;
  /** Function timeout; `getRemainingTimeInMillis()` counts down from it. */
  timeoutMs?: number;
}

/**
 * A Lambda `context` like the one the runtime builds (RIC `src/InvokeContext.js`), with a
 * working `getRemainingTimeInMillis()` counted from `Date.now()` (so fake timers apply).
 *
 * @param options - Name, request id, memory and timeout.
 * @returns A frozen context.
 * @example
 * ```ts
 * await handler(event, stream, createContext({ timeoutMs: 1000 }));
 * ```
 */
export function createContext(options: ContextOptions = {}): Context {
  const functionName = options.functionName ?? 'test-function';
  const deadline = Date.now() + (options.timeoutMs ?? 3000);
  const notForStreaming = () => {
    throw new Error('succeed/fail/done do not exist on the context of a streaming handler');
  };
  return Object.freeze({
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
    memoryLimitInMB: String(options.memoryLimitInMB ?? 128),
    awsRequestId: options.awsRequestId ?? 'c6af9ac6-7b61-11e6-9a41-93e812345678',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/11/30/[$LATEST]0123456789abcdef0123456789abcdef',
    getRemainingTimeInMillis: () => Math.max(deadline - Date.now(), 0),
    done: notForStreaming,
    fail: notForStreaming,
    succeed: notForStreaming,
  });
}
