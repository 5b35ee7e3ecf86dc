import {
  InvokeStreamReader,
  type InvokeWithResponseStreamEvent,
} from '@lambda-streaming/streaming/protocol';
import { apiError } from '../aws/lambda-api.js';
import type { DashboardFunction } from '../config.js';
import { formatMs } from '../format.js';
import { COLORS } from '../theme.js';
import type { ChartSeries } from '../views/chart-series.js';
import { EventsPanel } from '../views/events-panel.js';
import { RunView } from '../views/run-view.js';
import { drawInvoke } from './invoke-side.js';
import { drawResponse, failRequest, type ResponseTrack } from './response-side.js';
import type { RunContext } from './run-context.js';
import { summarize } from './side-result.js';
import { showStart } from './start-kind.js';
import { browserTtfbNote } from './ttfb-note.js';
import { trackOf } from './url-run.js';

type InvokeComplete = Extract<InvokeWithResponseStreamEvent, { type: 'InvokeComplete' }>;

/**
 * `InvokeWithResponseStream` from the page: a signed POST to the Lambda API, whose event-stream
 * response is decoded here, frame by frame, as it arrives. The chart counts payload bytes, with
 * TTFB at the first `PayloadChunk` and TTLB at `InvokeComplete`, whose outcome is also the
 * run's status line at the top.
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
  const ttfbNote = browserTtfbNote({ signed: true });
  const track: ResponseTrack = {
    run,
    side,
    series: framing,
    startedAt: performance.now(),
    ttfbNote,
  };
  const response = await context.api
    ?.invokeStream(fn.name, '{}', context.signal)
    .catch((e) => failRequest(track, e));
  if (!response) {
    run.status('The request failed: see below.', 'error');
    return run.finish('done');
  }
  side.httpStatus(response.status);
  if (!response.ok) {
    const error = (await apiError(response)).message;
    side.notice(error, 'error');
    run.status(`${response.status}: ${error}`, 'error');
    return run.finish('done');
  }
  const complete = await drawEvents(track, response, payload);
  await showStart(context, side, response.headers.get('x-amzn-requestid'));
  showComplete(run, complete, payload);
  run.finish('done');
}

/** The run's status line from `InvokeComplete`: success, or its ErrorCode and ErrorDetails. */
function showComplete(run: RunView, complete: InvokeComplete | undefined, payload: ChartSeries) {
  const at = complete && payload.ttlb !== undefined ? ` at ${formatMs(payload.ttlb)}` : '';
  if (!complete) {
    run.status('The event stream ended without InvokeComplete.', 'error');
  } else if (complete.errorCode !== undefined) {
    const details = complete.errorDetails ? `: ${complete.errorDetails}` : '';
    run.status(`InvokeComplete${at}: ErrorCode ${complete.errorCode}${details}`, 'error');
  } else {
    const chunks = `${payload.points.length} PayloadChunk${payload.points.length === 1 ? '' : 's'}`;
    run.status(`InvokeComplete${at}: succeeded (no ErrorCode) after ${chunks}`, 'ok');
  }
}

/** Decodes the event stream as it arrives: events to the panel, payload bytes to the chart. */
async function drawEvents(track: ResponseTrack, response: Response, payload: ChartSeries) {
  const panel = new EventsPanel();
  track.side.show(panel.element);
  const reader = new InvokeStreamReader();
  let bytes = 0;
  let complete: InvokeComplete | undefined;
  await drawResponse(track, response, undefined, (chunk) => {
    for (const event of reader.push(chunk.bytes)) {
      panel.add(event, chunk.at);
      if (event.type === 'InvokeComplete') {
        payload.ttlb = chunk.at;
        complete = event;
      }
      if (event.type !== 'PayloadChunk') continue;
      payload.ttfb ??= chunk.at;
      bytes += event.payload.byteLength;
      payload.points.push({ at: chunk.at, total: bytes });
    }
  });
  track.run.chart.update();
  if (reader.pendingBytes > 0) track.side.notice('The event stream ended inside a frame.', 'error');
  return complete;
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
  const track = trackOf(run, side, 'buffered', COLORS.buffered);
  const result = await drawInvoke(context, fn.name, '{}', track);
  await showStart(context, side, result.requestId);
  const { text, tone } = summarize(track, result);
  run.status(text, tone);
  run.finish('done');
}
