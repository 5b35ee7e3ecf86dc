import { InvokeStreamReader } from '@lambda-streaming/streaming/protocol';
import { apiError } from '../aws/lambda-api.js';
import type { DashboardFunction } from '../config.js';
import { COLORS } from '../theme.js';
import type { ChartSeries } from '../views/chart-series.js';
import { EventsPanel } from '../views/events-panel.js';
import { RunView } from '../views/run-view.js';
import { drawInvoke } from './invoke-side.js';
import { drawResponse, failRequest, type ResponseTrack } from './response-side.js';
import type { RunContext } from './run-context.js';
import { trackOf } from './url-run.js';

/**
 * `InvokeWithResponseStream` from the page: a signed POST to the Lambda API, whose event-stream
 * response is decoded here, frame by frame, as it arrives. The chart counts payload bytes, with
 * TTFB at the first `PayloadChunk` and TTLB at `InvokeComplete`.
 *
 * @param context - Config, API, stage.
 * @param fn - The function.
 * @example
 * ```ts
 * await runSdkStream(context, fn);
 * ```
 */
export async function runSdkStream(context: RunContext, fn: DashboardFunction): Promise<void> {
  const path = `POST /2021-11-15/functions/${fn.name}/response-streaming-invocations`;
  const run = new RunView('sdk', fn.name, `${path} · payload {} · X-Amz-Log-Type: Tail`);
  context.stage.replaceChildren(run.element);
  const side = run.side(
    'events',
    'InvokeWithResponseStream',
    'Each event is decoded in the page. The chart counts payload bytes; the figures, the whole event stream.',
  );
  // The chart shows the payload (what the function wrote), not the event-stream framing.
  const payload = run.chart.add({ label: 'payload', color: COLORS.events, points: [] });
  const framing: ChartSeries = { label: 'event stream', color: COLORS.events, points: [] };
  const track: ResponseTrack = { run, side, series: framing, startedAt: performance.now() };
  const response = await context.api
    ?.invokeStream(fn.name, '{}', context.signal)
    .catch((e) => failRequest(track, e));
  if (!response) return run.finish('done');
  side.figure('status', 'status', String(response.status));
  if (!response.ok) {
    side.notice((await apiError(response)).message, 'error');
    return run.finish('done');
  }
  await drawEvents(track, response, payload);
  run.finish('done');
}

/** Decodes the event stream as it arrives: events to the panel, payload bytes to the chart. */
async function drawEvents(track: ResponseTrack, response: Response, payload: ChartSeries) {
  const panel = new EventsPanel();
  track.side.show(panel.element);
  const reader = new InvokeStreamReader();
  let bytes = 0;
  await drawResponse(track, response, undefined, (chunk) => {
    for (const event of reader.push(chunk.bytes)) {
      panel.add(event, chunk.at);
      if (event.type === 'InvokeComplete') payload.ttlb = chunk.at;
      if (event.type !== 'PayloadChunk') continue;
      payload.ttfb ??= chunk.at;
      bytes += event.payload.byteLength;
      payload.points.push({ at: chunk.at, total: bytes });
    }
  });
  track.run.chart.update();
  if (reader.pendingBytes > 0) track.side.notice('The event stream ended inside a frame.', 'error');
}

/**
 * `Invoke` (RequestResponse) alone, for functions without a URL.
 *
 * @example
 * ```ts
 * await runInvoke(context, fn);
 * ```
 */
export async function runInvoke(context: RunContext, fn: DashboardFunction): Promise<void> {
  const path = `POST /2015-03-31/functions/${fn.name}/invocations`;
  const run = new RunView('invoke', fn.name, `${path} · payload {}`);
  context.stage.replaceChildren(run.element);
  const side = run.side(
    'buffered',
    'buffered (Invoke API)',
    'The response arrives when the function is done.',
  );
  await drawInvoke(context, fn.name, '{}', trackOf(run, side, 'buffered', COLORS.buffered));
  run.finish('done');
}
