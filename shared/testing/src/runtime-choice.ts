import { NODE_RUNTIMES, type NodeRuntime } from '@lambda-streaming/streaming/wire';

/** The runtime the double follows when a test names none. */
export const DEFAULT_RUNTIME: NodeRuntime = 'nodejs22.x';

/**
 * The runtime named by `AWS_EXECUTION_ENV` (`AWS_Lambda_nodejs24.x`, as Lambda sets it), or
 * {@link DEFAULT_RUNTIME} when it names none.
 *
 * @param env - The environment to read (default `process.env`).
 * @returns A supported runtime; an unsupported name throws, so a typo is not silently ignored.
 * @example
 * ```ts
 * runtimeFromEnvironment({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x' }); // 'nodejs24.x'
 * ```
 */
export function runtimeFromEnvironment(env: NodeJS.ProcessEnv = process.env): NodeRuntime {
  // Other services set it too (`AWS_ECS_FARGATE` in CodeBuild): only Lambda's values count.
  const named = env.AWS_EXECUTION_ENV?.match(/^AWS_Lambda_(.+)$/)?.[1];
  if (!named) return DEFAULT_RUNTIME;
  if (!(NODE_RUNTIMES as readonly string[]).includes(named)) {
    throw new TypeError(
      `AWS_EXECUTION_ENV=${env.AWS_EXECUTION_ENV} names no runtime this double follows: use AWS_Lambda_${NODE_RUNTIMES.join(' or AWS_Lambda_')}`,
    );
  }
  return named as NodeRuntime;
}
