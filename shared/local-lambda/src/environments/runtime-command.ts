/**
 * Which runtime client runs inside the execution environments. The core knows nothing else about
 * it: whatever runs there speaks the Runtime API, found in `AWS_LAMBDA_RUNTIME_API`.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `local`: this package's runtime (`dist/runtime-client/bootstrap.js`). `official`: the `aws-lambda-ric`
 * npm package, run unchanged. `{ command }`: any argv; `{node}` is replaced by the Node.js binary
 * chosen for the function's runtime and `{handler}` by its `Handler`.
 */
export type RuntimeClient = 'local' | 'official' | { command: readonly string[] };

/** What to spawn. */
export interface RuntimeCommand {
  argv: string[];
  /** `LAMBDA_RUNTIME_DIR`: where the runtime's files live. */
  runtimeDir: string;
}

/** Thrown when the runtime client's files are missing. */
export class RuntimeClientNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuntimeClientNotFoundError';
  }
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

function officialCommand(node: string, handler: string): RuntimeCommand {
  let manifest: string;
  try {
    manifest = createRequire(join(process.cwd(), 'noop.js')).resolve('aws-lambda-ric/package.json');
  } catch {
    try {
      manifest = createRequire(import.meta.url).resolve('aws-lambda-ric/package.json');
    } catch {
      throw new RuntimeClientNotFoundError(
        'The official runtime client is not installed: run `npm install aws-lambda-ric`.',
      );
    }
  }
  const root = dirname(manifest);
  // Its native client is built at install time (without the build tools, npm drops this optional
  // dependency or leaves it unbuilt). It registers through N-API, so the build loads in the
  // Node.js of the function's runtime as well as in the one it was built against.
  if (!existsSync(join(root, 'dist', 'rapid-client.node'))) {
    throw new RuntimeClientNotFoundError(
      'The official runtime client has no native part (dist/rapid-client.node): install ' +
        'autoconf, automake, libtool, cmake, make and g++, then reinstall aws-lambda-ric.',
    );
  }
  return { argv: [node, join(root, 'bin', 'index.mjs'), handler], runtimeDir: root };
}

/**
 * The argv that starts a runtime client for one function.
 *
 * @param client - The configured runtime client.
 * @param node - The Node.js binary chosen for the function's runtime.
 * @param handler - The function's `Handler`.
 * @returns The command; throws {@link RuntimeClientNotFoundError} when its files are missing.
 * @example
 * ```ts
 * resolveRuntimeCommand({ command: ['{node}', 'my-runtime.mjs'] }, '/usr/bin/node', 'app.handler');
 * ```
 */
export function resolveRuntimeCommand(
  client: RuntimeClient,
  node: string,
  handler: string,
): RuntimeCommand {
  if (client === 'local') return localCommand(node, handler);
  if (client === 'official') return officialCommand(node, handler);
  const argv = client.command.map((part) =>
    part.replaceAll('{node}', node).replaceAll('{handler}', handler),
  );
  const script = argv.find((part, index) => index > 0 && existsSync(part));
  return { argv, runtimeDir: script ? dirname(script) : packageRoot };
}
