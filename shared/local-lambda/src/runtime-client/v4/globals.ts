/**
 * The `awslambda` global of aws-lambda-ric 4.x (`src/utils/globals.ts`) and its invoke store.
 * Importing `@aws/lambda-invoke-store` (the package 4.x bundles, 0.2.2) creates the global; the
 * runtime then spreads it and adds `streamifyResponse` and `HttpResponseStream`, and the store's
 * first `getInstanceAsync()` adds `awslambda.InvokeStore`: the keys read
 * `streamifyResponse, HttpResponseStream, InvokeStore` (3.3.0 has only the first two).
 * `AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA=1|true` leaves the global out, as in both clients.
 */
import { InvokeStore, type InvokeStoreBase } from '@aws/lambda-invoke-store';
import { createAwslambdaGlobal } from '@lambda-streaming/streaming/wire';

function noGlobal(): boolean {
  const value = process.env.AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA;
  return value === '1' || value === 'true';
}

/**
 * Installs `awslambda` (4.x `setupGlobals`).
 *
 * @example
 * ```ts
 * setupGlobals();
 * const store = await invokeStore(); // adds awslambda.InvokeStore
 * ```
 */
export function setupGlobals(): void {
  if (noGlobal()) return;
  const global = globalThis as { awslambda?: Record<string, unknown> };
  global.awslambda = { ...global.awslambda, ...createAwslambdaGlobal() };
}

/**
 * The process's invoke store (single-concurrency: it keeps the last invocation's ids).
 *
 * @returns The store the log lines and `awslambda.InvokeStore` share.
 * @example
 * ```ts
 * (await invokeStore()).getRequestId(); // '-' before the first invocation
 * ```
 */
export function invokeStore(): Promise<InvokeStoreBase> {
  return InvokeStore.getInstanceAsync();
}
