import type { NodeRuntime } from '@lambda-streaming/streaming/wire';
import type { Context } from 'aws-lambda';
import { DEFAULT_RUNTIME } from './runtime-choice.js';

/** Fields of the context fixture that tests commonly set. */
export interface ContextOptions {
  /** Whose context to build (default `nodejs22.x`). */
  runtime?: NodeRuntime;
  functionName?: string;
  functionVersion?: string;
  awsRequestId?: string;
  memoryLimitInMB?: number;
  /** Function timeout; `getRemainingTimeInMillis()` counts down from it (default 3000). */
  timeoutMs?: number;
  tenantId?: string;
  clientContext?: Context['clientContext'];
  identity?: Context['identity'];
  /** `nodejs24.x` only: the `Lambda-Runtime-Trace-Id` of the invocation (4.x gives `''` without one). */
  xRayTraceId?: string;
}

/**
 * The `context` a streaming handler receives, built as the runtime builds it:
 *
 * - `nodejs22.x` (aws-lambda-ric 3.3.0 `src/StreamingContext.js`, `src/InvokeContext.js`): a
 *   `callbackWaitsForEmptyEventLoop` flag (default `true`), then the environment and header data;
 * - `nodejs24.x` (4.x `src/context/context-builder.ts`): header data, `xRayTraceId`, then the
 *   environment data, and no `callbackWaitsForEmptyEventLoop`.
 *
 * Neither has `succeed`, `fail` or `done`: the types of `@types/aws-lambda` declare them, calling
 * them throws a TypeError, as on Lambda. `getRemainingTimeInMillis()` is `deadline - Date.now()`
 * (negative after the deadline, and fake timers move it).
 *
 * @param options - Runtime, name, request id, memory, timeout and the optional header data.
 * @returns A context to pass as the handler's third argument.
 * @example
 * ```ts
 * await handler(event, stream, createContext({ runtime: 'nodejs24.x', timeoutMs: 1000 }));
 * ```
 */
export function createContext(options: ContextOptions = {}): Context {
  const functionName = options.functionName ?? 'test-function';
  const deadline = Date.now() + (options.timeoutMs ?? 3000);
  const environment = {
    functionVersion: options.functionVersion ?? '$LATEST',
    functionName,
    memoryLimitInMB: String(options.memoryLimitInMB ?? 128),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/11/30/[$LATEST]0123456789abcdef0123456789abcdef',
  };
  const headers = {
    clientContext: options.clientContext,
    identity: options.identity,
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
    awsRequestId: options.awsRequestId ?? 'c6af9ac6-7b61-11e6-9a41-93e812345678',
    tenantId: options.tenantId,
  };
  const getRemainingTimeInMillis = () => deadline - Date.now();
  const context =
    (options.runtime ?? DEFAULT_RUNTIME) === 'nodejs24.x'
      ? context24(
          environment,
          { ...headers, xRayTraceId: options.xRayTraceId ?? '' },
          getRemainingTimeInMillis,
        )
      : context22(environment, headers, getRemainingTimeInMillis);
  return context as unknown as Context;
}

type Fields = Record<string, unknown>;

/** 4.x `ContextBuilder.build`: header data with the remaining time, then the environment data. */
function context24(environment: Fields, headers: Fields, getRemainingTimeInMillis: () => number) {
  const { functionName, functionVersion, ...rest } = environment;
  return { ...headers, getRemainingTimeInMillis, functionName, functionVersion, ...rest };
}

/** 3.3.0: the streaming context's flag, then `attachEnvironmentData` (environment, headers). */
function context22(environment: Fields, headers: Fields, getRemainingTimeInMillis: () => number) {
  let waitForEmptyEventLoop = true;
  const streamingContext = {
    get callbackWaitsForEmptyEventLoop() {
      return waitForEmptyEventLoop;
    },
    set callbackWaitsForEmptyEventLoop(value: boolean) {
      waitForEmptyEventLoop = value;
    },
  };
  return Object.assign(streamingContext, environment, headers, { getRemainingTimeInMillis });
}
