/**
 * Whose semantics this runtime client follows, for everything it takes from
 * `@lambda-streaming/streaming/wire` (the handler's view of the stream, error reports, init
 * checks). It mirrors aws-lambda-ric 3.3.0, the client of `nodejs22.x`; the one place to change
 * when the function's runtime selects another.
 */
import type { NodeRuntime } from '@lambda-streaming/streaming/wire';

/**
 * The Node.js managed runtime whose runtime client this one reproduces.
 *
 * @example
 * ```ts
 * const report = formatRuntimeError(error, NODE_RUNTIME);
 * ```
 */
export const NODE_RUNTIME: NodeRuntime = 'nodejs22.x';
