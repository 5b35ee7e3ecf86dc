/**
 * Which runtime client runs inside the execution environments. The core knows nothing else about
 * it: whatever runs there speaks the Runtime API, found in `AWS_LAMBDA_RUNTIME_API`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { locateOfficialClient, officialClientFor } from './official-runtime-client.js';
import { RuntimeClientNotFoundError } from './runtime-client-error.js';

export { RuntimeClientNotFoundError };

/**
 * `local`: this package's runtime (`dist/runtime-client/bootstrap.js`). `official`: the `aws-lambda-ric`
 * npm package Lambda runs for the function's runtime (3.3.0 for `nodejs22.x`, 4.x for `nodejs24.x`),
 * run unchanged. `{ command }`: any argv; `{node}` is replaced by the Node.js binary
 * chosen for the function's runtime and `{handler}` by its `Handler`.
 */
export type RuntimeClient = 'local' | 'official' | { command: readonly string[] };

/** What to spawn. */
export interface RuntimeCommand {
  argv: string[];
  /** `LAMBDA_RUNTIME_DIR`: where the runtime's files live. */
  runtimeDir: string;
  /** Environment variables that must not reach this runtime client. */
  withheldVariables?: readonly string[];
}

/** This package's folder: `src/environments/` and `dist/environments/` are both two levels down. */
const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where the local runtime is built to. */
export const LOCAL_BOOTSTRAP_PATH = join(packageRoot, 'dist', 'runtime-client', 'bootstrap.js');

function localCommand(node: string, handler: string): RuntimeCommand {
  if (!existsSync(LOCAL_BOOTSTRAP_PATH)) {
    throw new RuntimeClientNotFoundError(
      `The local runtime is not built (${LOCAL_BOOTSTRAP_PATH} is missing): run ` +
        '`npm run build -w @lambda-streaming/local-lambda`.',
    );
  }
  return { argv: [node, LOCAL_BOOTSTRAP_PATH, handler], runtimeDir: dirname(LOCAL_BOOTSTRAP_PATH) };
}

function officialCommand(node: string, handler: string, runtime: string): RuntimeCommand {
  const client = officialClientFor(runtime);
  const root = locateOfficialClient(client);
  return {
    argv: [node, ...client.args(root, handler)],
    runtimeDir: root,
    withheldVariables: client.withheldVariables,
  };
}

/**
 * The argv that starts a runtime client for one function.
 *
 * @param client - The configured runtime client.
 * @param node - The Node.js binary chosen for the function's runtime.
 * @param handler - The function's `Handler`.
 * @param runtime - The function's `Runtime` (which official client runs it).
 * @returns The command; throws {@link RuntimeClientNotFoundError} when its files are missing.
 * @example
 * ```ts
 * resolveRuntimeCommand({ command: ['{node}', 'my-runtime.mjs'] }, '/usr/bin/node', 'app.handler', 'nodejs22.x');
 * ```
 */
export function resolveRuntimeCommand(
  client: RuntimeClient,
  node: string,
  handler: string,
  runtime: string,
): RuntimeCommand {
  if (client === 'local') return localCommand(node, handler);
  if (client === 'official') return officialCommand(node, handler, runtime);
  const argv = client.command.map((part) =>
    part.replaceAll('{node}', node).replaceAll('{handler}', handler),
  );
  const script = argv.find((part, index) => index > 0 && existsSync(part));
  return { argv, runtimeDir: script ? dirname(script) : packageRoot };
}
