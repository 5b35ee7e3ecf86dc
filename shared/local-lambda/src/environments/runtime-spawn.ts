/**
 * What to spawn for an execution environment: the runtime client's command, run by the Node.js
 * binary of the function's runtime, in the code folder, with the Lambda environment.
 */
import type { SpawnOptions } from 'node:child_process';
import type { LocalFunction } from '../functions/local-function.js';
import type { Credentials } from './environment-variables.js';
import { buildEnvironment } from './environment-variables.js';
import { resolveNodeBinary } from './node-binary.js';
import { type RuntimeClient, resolveRuntimeCommand } from './runtime-command.js';

/** What an environment needs to start. */
export interface EnvironmentOptions {
  fn: LocalFunction;
  region: string;
  credentials: Credentials;
  runtimeClient: RuntimeClient;
  /** The emulator's notices (a missing Node.js binary, ignored reserved variables). */
  warn(message: string): void;
}

/** A process to start. */
export interface SpawnSpec {
  file: string;
  args: string[];
  options: SpawnOptions;
}

/**
 * Builds the spawn of a runtime process; warns (through `options.warn`) about a missing Node.js
 * major and about reserved variables the function tried to set.
 *
 * @param options - The environment's options.
 * @param runtimeApi - `127.0.0.1:<port>` of its Runtime API.
 * @returns The spawn; throws when the runtime client's files are missing.
 * @example
 * ```ts
 * const { file, args, options } = runtimeSpawnSpec(environmentOptions, '127.0.0.1:41234');
 * spawn(file, args, options);
 * ```
 */
export function runtimeSpawnSpec(options: EnvironmentOptions, runtimeApi: string): SpawnSpec {
  const { fn, runtimeClient, warn } = options;
  const nodeBinary = resolveNodeBinary(fn.definition.runtime, warn);
  const { handler, runtime } = fn.definition;
  const command = resolveRuntimeCommand(runtimeClient, nodeBinary, handler, runtime);
  const runtimeDir = command.runtimeDir;
  const { env, ignored } = buildEnvironment({ ...options, runtimeApi, nodeBinary, runtimeDir });
  if (ignored.length > 0) warn(`Reserved environment variables ignored: ${ignored.join(', ')}.`);
  const withheld = (command.withheldVariables ?? []).filter((name) => name in env);
  for (const name of withheld) delete env[name];
  if (withheld.length > 0)
    warn(`Not passed to ${runtime}'s runtime client: ${withheld.join(', ')}.`);
  const [file = nodeBinary, ...args] = command.argv;
  return {
    file,
    args,
    options: {
      cwd: fn.definition.codeUri,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // The leader of its own process group: one signal ends it and everything it started.
      detached: true,
      windowsHide: true,
    },
  };
}
