/**
 * Setup file for vitest (`setupFiles`) and jest (`setupFiles`): installs the `awslambda` global
 * before the test file, and so the handler module it imports, is evaluated, as the runtime
 * installs it before loading the function's code. The runtime is `nodejs22.x` unless the
 * environment variable `AWS_EXECUTION_ENV` names another (`AWS_Lambda_nodejs24.x`), as the
 * runtime itself sets it.
 *
 * @example
 * ```ts
 * // vitest.config.ts
 * export default defineConfig({ test: { setupFiles: ['@lambda-streaming/testing/setup'] } });
 * ```
 *
 * @module
 */
/// <reference types="aws-lambda" />
import { installAwslambdaGlobal } from './awslambda-global.js';
import { runtimeFromEnvironment } from './runtime-choice.js';

installAwslambdaGlobal(runtimeFromEnvironment());
