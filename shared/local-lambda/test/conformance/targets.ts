/**
 * The emulators the suite compares: per Node.js runtime, the same fixture template served by
 * local-lambda with the project's runtime (`runtimeClient: 'local'`) and with that runtime's
 * official client (`'official'`).
 */
import { fileURLToPath } from 'node:url';
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { RuntimeClient } from '../../src/environments/runtime-command.js';
import type { LogRecord } from '../../src/logs/function-logs.js';
import { startLocalLambda } from '../../src/start/start-local-lambda.js';
import type { LocalLambda } from '../../src/start/start-options.js';
import type { NodeRuntime } from './official-client.js';

export const CONFORMANCE_TEMPLATE = fileURLToPath(
  new URL('../fixtures/conformance/template.yaml', import.meta.url),
);

/** Which runtime runs the functions. */
export type RuntimeName = 'local' | 'official';

/** One emulator and its clients. */
export interface Target {
  runtime: RuntimeName;
  /** The `Runtime` of every fixture function. */
  nodeRuntime: NodeRuntime;
  lambda: LocalLambda;
  client: LambdaClient;
  /** Every line logged, for a failing test's report. */
  logs: LogRecord[];
  /** The function URL of a function. */
  urlOf(functionName: string): string;
  close(): Promise<void>;
}

/**
 * Starts local-lambda over the conformance template with the given runtime client, every
 * function on the given Node.js runtime.
 *
 * @param runtime - `local` or `official`.
 * @param nodeRuntime - The fixtures' `Runtime`.
 * @returns The running target.
 * @example
 * ```ts
 * const target = await startTarget('official', 'nodejs24.x');
 * await target.close();
 * ```
 */
export async function startTarget(runtime: RuntimeName, nodeRuntime: NodeRuntime): Promise<Target> {
  const logs: LogRecord[] = [];
  const lambda = await startLocalLambda({
    templates: [CONFORMANCE_TEMPLATE],
    parameterOverrides: { NodeRuntime: nodeRuntime },
    port: 0,
    // The 20 MiB case would take seconds at 2 MiB/s; pacing is tested elsewhere.
    bandwidthLimit: false,
    // Enough for every case at once, with the environments kept busy by pending timers.
    maxConcurrency: 200,
    runtimeClient: runtime satisfies RuntimeClient,
    logger: (record) => logs.push(record),
  });
  const client = new LambdaClient({
    endpoint: lambda.endpoint,
    region: lambda.region,
    credentials: lambda.credentials,
    maxAttempts: 1,
  });
  return {
    runtime,
    nodeRuntime,
    lambda,
    client,
    logs,
    urlOf(functionName) {
      const url = lambda.functions.find((fn) => fn.name === functionName)?.url;
      if (!url) throw new Error(`${functionName} has no function URL in the conformance template`);
      return url;
    },
    async close() {
      client.destroy();
      await lambda.close();
    },
  };
}
