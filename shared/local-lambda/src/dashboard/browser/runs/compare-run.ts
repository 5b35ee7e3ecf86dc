import type { DashboardFunction } from '../config.js';
import { COLORS } from '../theme.js';
import { RunView } from '../views/run-view.js';
import { drawInvoke } from './invoke-side.js';
import { burstGuide, type RunContext, urlEvent } from './run-context.js';
import { streamUrl, trackOf } from './url-run.js';

/**
 * Compare: the same function, streamed through its `RESPONSE_STREAM` URL and buffered through
 * the `Invoke` API, both started at the same moment and drawn on one time axis. Both are public
 * endpoints any client can call; the buffered side is labelled for what it is.
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
  context.stage.replaceChildren(run.element);
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
  await Promise.all([
    streamUrl(context, fn, url, trackOf(run, streamedSide, 'streamed', COLORS.streamed, startedAt)),
    drawInvoke(
      context,
      fn.name,
      JSON.stringify(urlEvent(url)),
      trackOf(run, bufferedSide, 'buffered', COLORS.buffered, startedAt),
    ),
  ]);
  run.finish('done');
}
