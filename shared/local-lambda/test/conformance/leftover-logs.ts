/**
 * Where the lines logged by a call's leftovers (work its handler left pending, see
 * fixtures/conformance/app/leftovers.mjs) landed in the emulator's log: each line is tagged with
 * the invocation that held the environment when the line was read, or with none while idle.
 */
import type { Target } from './targets.js';

/** The invocation a leftover's line belongs to, seen from the call that left it. */
export type LeftoverPlace =
  | 'its own invocation'
  | 'the next call'
  | 'between invocations'
  | 'another invocation'
  | 'never logged';

const KINDS = ['promise', 'timer'] as const;
/** The leftovers run seconds after their call; on 3.3.0 in a process the next call does not wait for. */
const WAIT_MS = 12_000;

function place(requestId: string | undefined, first: string, second: string): LeftoverPlace {
  if (requestId === first) return 'its own invocation';
  if (requestId === second) return 'the next call';
  return requestId === undefined ? 'between invocations' : 'another invocation';
}

/**
 * @param target - The emulator whose log is read.
 * @param functionName - The leftovers function.
 * @param first - The request id of the call that left the work.
 * @param second - The request id of the call after it.
 * @returns For each leftover kind, the invocation its line was logged in.
 * @example
 * ```ts
 * await whereLeftoversLogged(target, 'StreamLeftoversFn', one.requestId, two.requestId);
 * // { promise: 'the next call', timer: 'the next call' }
 * ```
 */
export async function whereLeftoversLogged(
  target: Target,
  functionName: string,
  first: string,
  second: string,
): Promise<Record<string, LeftoverPlace>> {
  const deadline = Date.now() + WAIT_MS;
  const find = (kind: string) =>
    target.logs.find(
      (record) =>
        record.functionName === functionName &&
        record.message.endsWith(`leftover ${kind} from request ${first}`),
    );
  while (Date.now() < deadline && !KINDS.every(find)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Object.fromEntries(
    KINDS.map((kind) => {
      const record = find(kind);
      return [kind, record ? place(record.requestId, first, second) : 'never logged'];
    }),
  );
}
