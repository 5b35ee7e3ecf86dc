/// <reference types="aws-lambda" />
import { createAwslambdaGlobal, type NodeRuntime } from '@lambda-streaming/streaming/wire';

/** The `awslambda` global as the runtime installs it (its type comes from `@types/aws-lambda`). */
export type AwslambdaGlobal = Pick<typeof awslambda, 'streamifyResponse' | 'HttpResponseStream'>;

const ABSENT = Symbol('absent');
let before: unknown = ABSENT;

/**
 * Installs the `awslambda` global the way the Lambda Node.js runtime does before it loads a
 * function, with the same implementation the repository's local runtime uses. `nodejs22.x`
 * (aws-lambda-ric 3.3.0) replaces any existing global; `nodejs24.x` (4.x) keeps the members of
 * an existing one and sets `streamifyResponse` and `HttpResponseStream` over them. Works in any
 * test runner: it assigns `globalThis.awslambda`.
 *
 * @param runtime - Whose installation to follow (default `nodejs22.x`).
 * @returns The installed global.
 * @example
 * ```ts
 * installAwslambdaGlobal('nodejs24.x');
 * const { handler } = await import('../src/handler.js'); // calls awslambda.streamifyResponse
 * ```
 */
export function installAwslambdaGlobal(runtime: NodeRuntime = 'nodejs22.x'): AwslambdaGlobal {
  const scope = globalThis as { awslambda?: object };
  if (before === ABSENT) before = scope.awslambda;
  const kept = runtime === 'nodejs24.x' ? scope.awslambda : undefined;
  const installed = { ...kept, ...createAwslambdaGlobal() } as unknown as AwslambdaGlobal;
  scope.awslambda = installed;
  return installed;
}

/**
 * Puts back what `globalThis.awslambda` was before the first {@link installAwslambdaGlobal}
 * (usually nothing).
 *
 * @example
 * ```ts
 * afterAll(() => removeAwslambdaGlobal());
 * ```
 */
export function removeAwslambdaGlobal(): void {
  if (before === ABSENT) return;
  const scope = globalThis as { awslambda?: unknown };
  if (before === undefined) delete scope.awslambda;
  else scope.awslambda = before;
  before = ABSENT;
}
