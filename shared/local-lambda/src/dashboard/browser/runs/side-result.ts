import { formatBytes, formatMs } from '../format.js';
import type { Tone } from '../views/run-view.js';
import type { ResponseTrack } from './response-side.js';

/** How one side of a run ended. */
export interface SideResult {
  /** The HTTP status, when a response came at all. */
  status?: number;
  /** What went wrong, when something did: a refused request, a function error, a cut body. */
  error?: string;
  /** `x-amzn-RequestId`: the invocation's request id (null when the page cannot read it). */
  requestId: string | null;
}

/**
 * @returns The side's result in one line for the run's status: its status and timings, or
 *   what went wrong, with the tone to show it in.
 * @example
 * ```ts
 * const { text, tone } = summarize(track, result); // '200 · first byte 82 ms · last byte 4.1 s · 1.3 KiB'
 * ```
 */
export function summarize(track: ResponseTrack, result: SideResult): { text: string; tone: Tone } {
  const status = result.status === undefined ? '' : `${result.status}`;
  if (result.error) {
    return { text: [status, result.error].filter(Boolean).join(' '), tone: 'error' };
  }
  const { ttfb, ttlb, points } = track.series;
  const parts = [status];
  if (ttfb !== undefined) parts.push(`first byte ${formatMs(ttfb)}`);
  if (ttlb !== undefined) parts.push(`last byte ${formatMs(ttlb)}`);
  parts.push(formatBytes(points.at(-1)?.total ?? 0));
  return { text: parts.filter(Boolean).join(' · '), tone: 'ok' };
}
