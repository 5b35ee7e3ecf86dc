import { createAwslambdaGlobal } from '@lambda-streaming/streaming/wire';
import { vi } from 'vitest';

/**
 * Installs the `awslambda` global the way the Lambda Node.js runtime does before it loads a
 * function, with the repository's runtime-faithful implementation. Undo it with
 * `vi.unstubAllGlobals()`.
 *
 * @returns The installed global.
 * @example
 * ```ts
 * beforeEach(() => installAwslambdaGlobal());
 * afterEach(() => vi.unstubAllGlobals());
 * ```
 */
export function installAwslambdaGlobal(): ReturnType<typeof createAwslambdaGlobal> {
  const awslambda = createAwslambdaGlobal();
  vi.stubGlobal('awslambda', awslambda);
  return awslambda;
}
