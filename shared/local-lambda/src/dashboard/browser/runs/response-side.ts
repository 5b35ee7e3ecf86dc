import type { BodyView } from '../views/body-view.js';
import type { ChartSeries } from '../views/chart-series.js';
import type { RunView, SideView } from '../views/run-view.js';
import { readTimed, type TimedChunk } from './timed-body.js';

/** One response drawn on a run: its side, its chart series and when its request left. */
export interface ResponseTrack {
  run: RunView;
  side: SideView;
  series: ChartSeries;
  startedAt: number;
  /** What the first byte, timed in the page, includes (shown under the figure). */
  ttfbNote?: string;
}

/**
 * Reads a response into a side as it arrives: each chunk becomes a chart mark and goes into the
 * body view; TTFB, TTLB, size and chunk count are shown and recorded. A body that breaks off
 * (a midstream failure through a function URL) is reported, with what arrived kept.
 *
 * @param track - Where to draw.
 * @param response - The fetch response (headers received).
 * @param view - The body view, or `undefined` to draw the chart only.
 * @param onChunk - Also called for each chunk (the event-stream decoder listens here).
 * @returns `true` when the body arrived whole.
 * @example
 * ```ts
 * const ok = await drawResponse(track, response, bodyViewFor(type, started, bandwidth));
 * ```
 */
export async function drawResponse(
  track: ResponseTrack,
  response: Response,
  view: BodyView | undefined,
  onChunk?: (chunk: TimedChunk) => void,
): Promise<boolean> {
  const { run, side, series, startedAt } = track;
  if (view) side.show(view.element);
  const ticking = setInterval(() => run.chart.update(performance.now() - startedAt), 100);
  const end = await readTimed(response, startedAt, (chunk) => {
    if (series.points.length === 0) {
      series.ttfb = chunk.at;
      side.figure('ttfb', 'first byte', chunk.at);
      if (track.ttfbNote) side.explain('ttfb', track.ttfbNote);
    }
    series.points.push({ at: chunk.at, total: chunk.total });
    view?.add(chunk.bytes, chunk.at);
    onChunk?.(chunk);
    side.size(chunk.total, series.points.length);
    run.chart.update(chunk.at);
  });
  clearInterval(ticking);
  series.ttlb = end.ttlb;
  side.figure('ttlb', 'last byte', end.ttlb);
  side.size(end.total, series.points.length);
  await view?.end(end.ttlb);
  run.chart.update(end.ttlb);
  if (end.error) side.notice(end.error, 'error');
  return end.error === undefined;
}

/**
 * Shows a request that got no response at all (network error, CORS refusal).
 *
 * @example
 * ```ts
 * response = await signed(url).catch((error) => failRequest(track, error));
 * ```
 */
export function failRequest(track: ResponseTrack, error: unknown): undefined {
  const message = error instanceof Error ? error.message : String(error);
  track.side.notice(`The request failed: ${message}`, 'error');
  track.series.ttlb = performance.now() - track.startedAt;
  track.run.chart.update(track.series.ttlb);
  return undefined;
}
