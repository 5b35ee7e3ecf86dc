/**
 * The warnings `startLocalLambda` gives at start about the functions' runtimes: one for each
 * runtime Lambda has deprecated, naming its dates, and one for each `nodejs<major>.x` Lambda does
 * not offer. Either way the functions still run, on their own major where a binary is installed.
 */
import type { SamFunction } from '@lambda-streaming/sam-template';
import { nodeMajorOf, resolveNodeBinary } from '../environments/node-binary.js';
import {
  loadRuntimeLifecycles,
  type RuntimeLifecycle,
  type RuntimeLifecycles,
  runtimeStatus,
} from '../functions/runtime-lifecycle.js';

/** Options of {@link runtimeWarnings}; the defaults are today, the data file and the real binary. */
export interface RuntimeWarningOptions {
  readonly now?: Date;
  readonly lifecycles?: RuntimeLifecycles;
  /** Finds the Node.js binary for a runtime, reporting a fallback through `warn`. */
  readonly resolveBinary?: (runtime: string, warn: (message: string) => void) => string;
}

/**
 * One warning per runtime that is deprecated or unknown, naming the functions that use it.
 *
 * @param definitions - The served functions.
 * @param options - The day, the lifecycle data and the binary lookup.
 * @returns The warnings, in template order of each runtime's first function; none when every
 *   runtime is supported.
 * @example
 * ```ts
 * runtimeWarnings([{ logicalId: 'OldFunction', runtime: 'nodejs18.x', ...rest }]);
 * // ['nodejs18.x is deprecated in Lambda: deprecation Sep 1, 2025, block function create ...']
 * ```
 */
export function runtimeWarnings(
  definitions: readonly Pick<SamFunction, 'logicalId' | 'runtime'>[],
  options: RuntimeWarningOptions = {},
): string[] {
  const lifecycles = options.lifecycles ?? loadRuntimeLifecycles();
  const now = options.now ?? new Date();
  const resolveBinary = options.resolveBinary ?? resolveNodeBinary;
  const users = new Map<string, string[]>();
  for (const { runtime, logicalId } of definitions) {
    users.set(runtime, [...(users.get(runtime) ?? []), logicalId]);
  }
  const supported = lifecycles.runtimes
    .filter((entry) => runtimeStatus(entry.runtime, lifecycles, now).kind === 'supported')
    .map((entry) => entry.runtime);
  return [...users].flatMap(([runtime, names]) => {
    const status = runtimeStatus(runtime, lifecycles, now);
    if (status.kind === 'supported') return [];
    const functions = `${names.length === 1 ? 'function' : 'functions'} ${names.join(', ')}`;
    const runsOn = `local-lambda still runs ${names.length === 1 ? 'it' : 'them'}${binaryText(runtime, resolveBinary)}`;
    const read = `read ${lifecycles.read}`;
    if (status.kind === 'deprecated') {
      const move = supported[0] ? `; move to ${supported[0]}` : '';
      return [`${deprecation(status.lifecycle, read)} Used by ${functions}${move}. ${runsOn}.`];
    }
    const offered = supported.length > 0 ? supported.join(', ') : 'none';
    return [
      `${runtime} is not a runtime Lambda offers (its Node.js runtimes: ${offered}; ${read}), so ` +
        `deploying ${functions} would fail. ${runsOn}.`,
    ];
  });
}

function deprecation(lifecycle: RuntimeLifecycle, read: string): string {
  const { runtime, deprecation, blockFunctionCreate, blockFunctionUpdate, source } = lifecycle;
  if (deprecation === undefined) {
    return `${runtime} is deprecated in Lambda (its dates: ${source.url}; this list was ${read}).`;
  }
  const blocks = [
    blockFunctionCreate && `block function create ${blockFunctionCreate}`,
    blockFunctionUpdate && `block function update ${blockFunctionUpdate}`,
  ].filter(Boolean);
  const dates = [`deprecation ${deprecation}`, ...blocks].join(', ');
  return `${runtime} is deprecated in Lambda: ${dates} (AWS, ${source.url}, ${read}).`;
}

/** Which Node.js runs the functions: their own major, or the binary lookup's reason why not. */
function binaryText(
  runtime: string,
  resolveBinary: NonNullable<RuntimeWarningOptions['resolveBinary']>,
): string {
  const notes: string[] = [];
  const binary = resolveBinary(runtime, (message) => notes.push(message));
  // The lookup's own sentence says which Node.js stands in; the warning ends with one full stop.
  if (notes.length > 0) return `: ${notes.join(' ').replace(/\.$/, '')}`;
  return binary === process.execPath
    ? ` on the host's Node.js ${process.version}`
    : ` on Node.js ${nodeMajorOf(runtime)} (${binary})`;
}
