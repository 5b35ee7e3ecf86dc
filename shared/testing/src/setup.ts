/**
 * Vitest setup file: installs the `awslambda` global before any test module is evaluated,
 * as the runtime installs it before loading the function's code, and again before each test
 * so a test that calls `vi.unstubAllGlobals()` does not take it away from the next one. Use it
 * from a `vitest.config.ts`: `setupFiles: ['@lambda-streaming/testing/setup']`.
 *
 * @module
 */
import { beforeEach } from 'vitest';
import { installAwslambdaGlobal } from './awslambda-global.js';

installAwslambdaGlobal();
beforeEach(() => {
  installAwslambdaGlobal();
});
