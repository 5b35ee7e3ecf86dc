/**
 * Where the lines logged by a call's leftovers (work its handler left pending, see
 * fixtures/conformance/app/leftovers.mjs) landed in the emulator's log: each line is tagged with
 * the invocation that held the environment when the line was read, or with none while idle.
 */
import type { Target } from './targets.js';

/**
 * Whether a leftover's line belongs to the call that left it, or came after that invocation was
 * over: during the next call, or between invocations (which of the two depends on when the next
 * call arrives and on whether idle environments are frozen; it is the same fact for the runtime).
 */
export type LeftoverPlace = 'its own invocation' | 'after it' | 'never logged';

const KINDS = ['promise', 'timer'] as const;
/** The leftovers run seconds after their call; on 3.3.0 in a process the next call does not wait for. */
const WAIT_MS = 12_000;

/**
 * @param target - The emulator whose log is read.
 * @param functionName - The leftovers function.
 * @param first - The request id of the call that left the work.
 * @returns For each leftover kind, whether its line was logged in that call's invocation.
 * @example
 * ```ts
 * await whereLeftoversLogged(target, 'StreamLeftoversFn', one.requestId);
 * // { promise: 'after it', timer: 'after it' }
 * ```
 */
export async function whereLeftoversLogged(
  target: Target,
  functionName: string,
  first: string,
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
      if (!record) return [kind, 'never logged'];
      return [kind, record.requestId === first ? 'its own invocation' : 'after it'];
    }),
  );
}
