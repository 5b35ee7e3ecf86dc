/**
 * Runs one case through the three client paths, one after the other (so a warm environment is
 * reused as a client would reuse it), and normalizes each path's observation on its own.
 */
import { bodyText } from './body-view.js';
import { type LeftoverPlace, whereLeftoversLogged } from './leftover-logs.js';
import { normalizeObservation } from './normalize.js';
import {
  type InvokeObservation,
  observeInvoke,
  observeStream,
  type StreamObservation,
} from './observe-sdk.js';
import { observeUrl, type UrlObservation } from './observe-url.js';
import type { Target } from './targets.js';

/** What a client observes of one function through each path. */
export interface CaseObservation {
  url: UrlObservation;
  stream: StreamObservation;
  invoke: InvokeObservation;
}

/**
 * @param target - The emulator.
 * @param functionName - The function.
 * @returns The normalized observations of the three paths.
 * @example
 * ```ts
 * const observed = await observeOnce(target, 'ThrowLateFn');
 * ```
 */
export async function observeOnce(target: Target, functionName: string): Promise<CaseObservation> {
  const url = normalizeObservation(await observeUrl(target, functionName));
  const stream = normalizeObservation(await observeStream(target, functionName));
  const invoke = normalizeObservation(await observeInvoke(target, functionName));
  return { url, stream, invoke };
}

/** What the event-loop and leftover handlers report about their process. */
interface ProcessReport {
  pid: number;
  invocation: number;
  pendingTimers?: number;
  /** The leftovers function's: its request id, and the earlier invocations' leftovers that ran. */
  requestId?: string;
  leftovers?: { kind: string; from: string }[];
}

/**
 * Two calls through one path, reduced to what they say about the environment. The process facts
 * are absent when a call has no process report (its function failed, e.g. at Init); the bodies
 * are then kept as they are.
 */
export interface TwoCalls<T> {
  first: T;
  second: T;
  /** The second call ran in the first call's process. */
  sameProcess?: boolean;
  /** A timer the earlier calls left was still pending when the second call ran. */
  secondSawPendingTimer?: boolean;
  /** The first call's leftovers that had run in the second call's process when it reported. */
  secondSawLeftovers?: string[];
  /** Where the first call's leftovers logged their lines. */
  firstLeftoversLogged?: Record<string, LeftoverPlace>;
}

/** What a client observes of two calls to one function through each path. */
export interface TwoCallObservation {
  url: TwoCalls<UrlObservation>;
  stream: TwoCalls<StreamObservation>;
  invoke: TwoCalls<InvokeObservation>;
}

/** Pause between the two calls: the runtime's `/next`, when it comes at once, is long done. */
const BETWEEN_CALLS_MS = 1000;

async function twice<T extends { body: UrlObservation['body'] }>(
  target: Target,
  functionName: string,
  call: () => Promise<T>,
): Promise<TwoCalls<T>> {
  const first = await call();
  await new Promise((resolve) => setTimeout(resolve, BETWEEN_CALLS_MS));
  const second = await call();
  const report = (observation: T): ProcessReport | undefined => {
    try {
      const parsed = JSON.parse(bodyText(observation.body));
      return typeof parsed?.pid === 'number' ? parsed : undefined;
    } catch {
      return undefined;
    }
  };
  const [one, two] = [report(first), report(second)];
  if (!one || !two) {
    return { first: normalizeObservation(first), second: normalizeObservation(second) };
  }
  const strip = (observation: T): T => ({ ...observation, body: { text: '<process report>' } });
  return {
    first: normalizeObservation(strip(first)),
    second: normalizeObservation(strip(second)),
    sameProcess: one.pid === two.pid,
    ...(two.pendingTimers === undefined ? {} : { secondSawPendingTimer: two.pendingTimers > 0 }),
    ...(two.leftovers === undefined
      ? {}
      : {
          secondSawLeftovers: two.leftovers
            .filter((leftover) => leftover.from === one.requestId)
            .map((leftover) => leftover.kind),
        }),
    ...(one.requestId && two.requestId
      ? {
          firstLeftoversLogged: await whereLeftoversLogged(target, functionName, one.requestId),
        }
      : {}),
  };
}

/**
 * Calls a function twice through each path, a second apart, for the cases about work left
 * pending (`callbackWaitsForEmptyEventLoop`, leftovers after the response).
 *
 * @param target - The emulator.
 * @param functionName - One of the event-loop functions.
 * @returns Per path: both calls, and whether the second shared the first one's process.
 * @example
 * ```ts
 * const { stream } = await observeTwice(target, 'StreamNoWaitFn');
 * expect(stream.sameProcess).toBe(true);
 * ```
 */
export async function observeTwice(
  target: Target,
  functionName: string,
): Promise<TwoCallObservation> {
  const url = await twice(target, functionName, () => observeUrl(target, functionName));
  const stream = await twice(target, functionName, () => observeStream(target, functionName));
  const invoke = await twice(target, functionName, () => observeInvoke(target, functionName));
  return { url, stream, invoke };
}
