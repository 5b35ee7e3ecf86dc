import type { DashboardFunction } from '../config.js';
import { COLORS } from '../theme.js';
import { bodyViewFor } from '../views/body-view.js';
import { RunView } from '../views/run-view.js';
import { drawResponse, failRequest, type ResponseTrack } from './response-side.js';
import { burstGuide, type RunContext, requestUrl } from './run-context.js';

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
  await streamUrl(context, fn, url, track);
  run.finish('done');
}

/**
 * The streamed side of a run: the URL's response, drawn chunk by chunk.
 *
 * @returns `true` when the whole body arrived.
 * @example
 * ```ts
 * await streamUrl(context, fn, url, track);
 * ```
 */
export async function streamUrl(
  context: RunContext,
  fn: DashboardFunction,
  url: URL,
  track: ResponseTrack,
): Promise<boolean> {
  const response = await requestUrl(context, fn, url).catch((e) => failRequest(track, e));
  if (!response) return false;
  track.side.figure('status', 'status', `${response.status} ${response.statusText}`.trim());
  const type = response.headers.get('content-type') ?? '';
  if (type) track.side.figure('type', 'type', type);
  const view = bodyViewFor(type, track.startedAt, context.config.bandwidth);
  return drawResponse(track, response, view);
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
