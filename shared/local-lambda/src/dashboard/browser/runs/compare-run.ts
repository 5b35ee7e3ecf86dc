import type { DashboardFunction } from '../config.js';
import { mark } from '../dom.js';
import { COLORS } from '../theme.js';
import { RunView } from '../views/run-view.js';
import { drawInvoke } from './invoke-side.js';
import type { ResponseTrack } from './response-side.js';
import { burstGuide, type RunContext, urlEvent } from './run-context.js';
import { type SideResult, summarize } from './side-result.js';
import { showStart } from './start-kind.js';
import { streamUrl, trackOf } from './url-run.js';
import { cooled, warmUp } from './warm-up.js';

const FAIR =
  'A fair comparison: both sides start on warm execution environments. Before a function’s first comparison the page invokes it twice at once (not drawn), as a function in steady use would have been; a side that still starts cold shows its Init Duration.';

/**
 * Compare: the same function, streamed through its `RESPONSE_STREAM` URL and buffered through
 * the `Invoke` API, both started at the same moment, on warm environments, and drawn on one
 * time axis. Both are public endpoints any client can call; the buffered side is labelled for
 * what it is.
 *
 * @param context - Config, signer, API, stage.
 * @param fn - A function with a `RESPONSE_STREAM` URL.
 * @param path - Path and query for the URL; the `Invoke` payload is the URL event for it.
 * @example
 * ```ts
 * await runCompare(context, fn, '/');
 * ```
 */
export async function runCompare(
  context: RunContext,
  fn: DashboardFunction,
  path: string,
): Promise<void> {
  if (!fn.url) return;
  const url = new URL(path, fn.url.url);
  const invokePath = `POST /2015-03-31/functions/${fn.name}/invocations`;
  const line = `streamed: GET ${url.href} · buffered: ${invokePath}`;
  const run = new RunView('compare', fn.name, line, burstGuide(context.config));
  run.note(FAIR, 'fair');
  context.stage.replaceChildren(run.element);
  const payload = JSON.stringify(urlEvent(url));
  run.status('Warming up: two Invokes start two execution environments…', 'running');
  mark(run.element, 'warmUp', (await warmUp(context, fn.name, payload)) ? 'ran' : 'already warm');
  run.status('Running both sides…', 'running');
  const streamedSide = run.side(
    'streamed',
    'streamed (function URL)',
    'RESPONSE_STREAM: each chunk leaves as the function writes it.',
  );
  const bufferedSide = run.side(
    'buffered',
    'buffered (Invoke API)',
    'Invoke answers once the function has finished, as a buffered integration does. Its payload is the function URL event for the same request.',
    'Nothing yet: Invoke answers when the function has finished.',
  );
  const startedAt = performance.now();
  const streamed = trackOf(run, streamedSide, 'streamed', COLORS.streamed, startedAt);
  const buffered = trackOf(run, bufferedSide, 'buffered', COLORS.buffered, startedAt);
  const results = await Promise.all([
    streamUrl(context, fn, url, streamed),
    drawInvoke(context, fn.name, payload, buffered),
  ]);
  const starts = await Promise.all([
    showStart(context, streamedSide, results[0].requestId),
    showStart(context, bufferedSide, results[1].requestId),
  ]);
  if (starts.some((start) => start?.cold)) cooled(fn.name);
  const { text, tone } = compareSummary([streamed, buffered], results);
  run.status(text, tone);
  run.finish('done');
}

function compareSummary(tracks: ResponseTrack[], results: SideResult[]) {
  const [streamed, buffered] = tracks.map((track, index) =>
    summarize(track, results[index] ?? { requestId: null }),
  );
  const tone = streamed?.tone === 'error' || buffered?.tone === 'error' ? 'error' : 'ok';
  return { text: `streamed: ${streamed?.text} — buffered: ${buffered?.text}`, tone } as const;
}
