import { errorFromText } from '../aws/lambda-api.js';
import type { DashboardFunction } from '../config.js';
import { COLORS } from '../theme.js';
import { bodyViewFor } from '../views/body-view.js';
import { RunView } from '../views/run-view.js';
import { drawResponse, failRequest, type ResponseTrack } from './response-side.js';
import { burstGuide, type RunContext, requestUrl } from './run-context.js';
import { type SideResult, summarize } from './side-result.js';
import { showStart } from './start-kind.js';
import { browserTtfbNote } from './ttfb-note.js';

/**
 * Runs a function URL and draws its response as it arrives.
 *
 * @param context - Config, signer, stage.
 * @param fn - A function with a URL.
 * @param path - Path and query to request, e.g. `/?pad=1`.
 * @example
 * ```ts
 * await runUrl(context, fn, '/');
 * ```
 */
export async function runUrl(
  context: RunContext,
  fn: DashboardFunction,
  path: string,
): Promise<void> {
  if (!fn.url) return;
  const url = new URL(path, fn.url.url);
  const signing = fn.url.authType === 'AWS_IAM' ? 'signed with SigV4' : 'AuthType NONE';
  const run = new RunView(
    'url',
    fn.name,
    `GET ${url.href} · ${signing}`,
    burstGuide(context.config),
  );
  context.stage.replaceChildren(run.element);
  const streamed = fn.url.invokeMode === 'RESPONSE_STREAM';
  const side = run.side(
    streamed ? 'streamed' : 'buffered',
    `function URL · ${fn.url.invokeMode}`,
    streamed
      ? 'Bytes leave the function as it writes them.'
      : 'A BUFFERED URL sends the response when the function has returned.',
  );
  const color = streamed ? COLORS.streamed : COLORS.buffered;
  const track = trackOf(run, side, fn.url.invokeMode, color);
  const result = await streamUrl(context, fn, url, track);
  await showStart(context, side, result.requestId);
  const { text, tone } = summarize(track, result);
  run.status(text, tone);
  run.finish('done');
}

/**
 * The streamed side of a run: the URL's response, drawn chunk by chunk. A 4xx or 5xx is shown
 * as an error, with the body the URL sent.
 *
 * @returns How the side ended.
 * @example
 * ```ts
 * const result = await streamUrl(context, fn, url, track);
 * ```
 */
export async function streamUrl(
  context: RunContext,
  fn: DashboardFunction,
  url: URL,
  track: ResponseTrack,
): Promise<SideResult> {
  track.ttfbNote = browserTtfbNote({ signed: fn.url?.authType === 'AWS_IAM' });
  const response = await requestUrl(context, fn, url).catch((e) => failRequest(track, e));
  if (!response) return { error: 'the request failed (see below)', requestId: null };
  const requestId = response.headers.get('x-amzn-requestid');
  const { status } = response;
  track.side.httpStatus(status, response.statusText);
  const type = response.headers.get('content-type') ?? '';
  if (type) track.side.figure('type', 'type', type);
  const view = bodyViewFor(type, track.startedAt, context.config.bandwidth);
  const head: Uint8Array[] = [];
  const whole = await drawResponse(track, response, view, (chunk) => {
    if (status >= 400 && head.length < 4) head.push(chunk.bytes);
  });
  if (status >= 400) {
    const error = refusal(response, head);
    track.side.notice(error, 'error');
    return { status, error, requestId };
  }
  return whole ? { status, requestId } : { status, error: 'the body broke off', requestId };
}

/**
 * What a 4xx or 5xx says: AWS's error type and message when the front end refused it (403,
 * 413, 429), else the status text and the start of the body (the function's own status, or
 * the URL's 502).
 */
function refusal(response: Response, head: Uint8Array[]): string {
  const decoder = new TextDecoder();
  const text = head.map((bytes) => decoder.decode(bytes, { stream: true })).join('');
  if (response.headers.has('x-amzn-errortype')) return errorFromText(response, text).message;
  const start = text.trim().slice(0, 200);
  return [response.statusText, start].filter(Boolean).join(': ') || `HTTP ${response.status}`;
}

/**
 * @returns A track whose request leaves now.
 * @example
 * ```ts
 * const track = trackOf(run, side, 'streamed', COLORS.streamed);
 * ```
 */
export function trackOf(
  run: RunView,
  side: ResponseTrack['side'],
  label: string,
  color: string,
  startedAt = performance.now(),
): ResponseTrack {
  return { run, side, series: run.chart.add({ label, color, points: [] }), startedAt };
}
