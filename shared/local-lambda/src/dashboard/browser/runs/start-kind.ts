import { formatMs } from '../format.js';
import type { SideView } from '../views/run-view.js';
import type { StartKind } from './report-watch.js';
import type { RunContext } from './run-context.js';

/**
 * Shows whether a side's invocation started cold or warm, from its REPORT line in the log feed:
 * a cold start's `Init Duration` is part of its first byte, and the side says so.
 *
 * @param context - The run's context (its REPORT watch).
 * @param side - Where to show it.
 * @param requestId - The invocation's `x-amzn-RequestId`.
 * @returns Cold or warm; `undefined` when the page cannot tell.
 * @example
 * ```ts
 * const start = await showStart(context, side, result.requestId);
 * ```
 */
export async function showStart(
  context: RunContext,
  side: SideView,
  requestId: string | null,
): Promise<StartKind | undefined> {
  const start = await context.reports?.startOf(requestId);
  if (!start) return undefined;
  if (!start.cold) {
    side.figure('start', 'start', 'warm', 'ok');
    return start;
  }
  const init = formatMs(start.initMs ?? 0);
  side.figure('start', 'start', `cold · Init ${init}`, 'error');
  side.notice(
    `A cold start: a new execution environment ran the function's Init first (Init Duration ${init}), and its first byte waited for it.`,
  );
  return start;
}
