/**
 * Whose semantics this runtime client follows, for everything it takes from
 * `@lambda-streaming/streaming/wire` (the handler's view of the stream, error reports, init
 * checks). Chosen per process from `AWS_EXECUTION_ENV`, which the emulator sets from the
 * function's `Runtime`: `nodejs24.x` (and later) runs the aws-lambda-ric 4.x modules of `v4/`,
 * anything else the aws-lambda-ric 3.3.0 modules, the client of `nodejs22.x`.
 */
import { type NodeRuntime, nodeRuntimeOfExecutionEnv } from '@lambda-streaming/streaming/wire';

/**
 * The runtime the 3.3.0 modules (`run.ts`, `runtime.ts`, `invokes/`, `handlers/`) reproduce.
 *
 * @example
 * ```ts
 * const report = formatRuntimeError(error, RIC_330_RUNTIME);
 * ```
 */
export const RIC_330_RUNTIME: NodeRuntime = 'nodejs22.x';

/**
 * The runtime this process reproduces, read from its environment.
 *
 * @param env - The process environment (`AWS_EXECUTION_ENV`).
 * @returns `nodejs24.x` for `AWS_Lambda_nodejs24.x` and later, else `nodejs22.x`.
 * @example
 * ```ts
 * processNodeRuntime(); // 'nodejs24.x' when AWS_EXECUTION_ENV=AWS_Lambda_nodejs24.x
 * ```
 */
export function processNodeRuntime(env: NodeJS.ProcessEnv = process.env): NodeRuntime {
  return nodeRuntimeOfExecutionEnv(env.AWS_EXECUTION_ENV);
}
