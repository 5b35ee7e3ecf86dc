import { apiError } from '../aws/lambda-api.js';
import { bodyViewFor } from '../views/body-view.js';
import { TextPanel } from '../views/text-panel.js';
import { preludeContentType, splitPrelude } from './prelude.js';
import { drawResponse, failRequest, type ResponseTrack } from './response-side.js';
import type { RunContext } from './run-context.js';
import type { SideResult } from './side-result.js';
import { browserTtfbNote } from './ttfb-note.js';

/**
 * The buffered side: the same function through the `Invoke` API (RequestResponse), which
 * answers when the function is done, as a buffered integration does. Its bytes are timed as
 * they arrive; once all are there the body is shown (an HTTP prelude, which `Invoke` passes on
 * untouched, is stripped first so the HTML renders).
 *
 * @param context - Config and API.
 * @param name - The function.
 * @param payload - The event, as JSON.
 * @param track - Where to draw.
 * @returns How the side ended.
 * @example
 * ```ts
 * await drawInvoke(context, fn.name, JSON.stringify(urlEvent(url)), track);
 * ```
 */
export async function drawInvoke(
  context: RunContext,
  name: string,
  payload: string,
  track: ResponseTrack,
): Promise<SideResult> {
  const { side } = track;
  const failed = { error: 'the request failed (see below)', requestId: null };
  if (!context.api) {
    failRequest(track, new Error('this page cannot sign'));
    return failed;
  }
  track.ttfbNote = browserTtfbNote({ signed: true });
  const response = await context.api
    .invoke(name, payload, context.signal)
    .catch((e) => failRequest(track, e));
  if (!response) return failed;
  const { status } = response;
  const requestId = response.headers.get('x-amzn-requestid');
  side.httpStatus(status);
  if (!response.ok) {
    const error = (await apiError(response)).message;
    side.notice(error, 'error');
    return { status, error, requestId };
  }
  const chunks: Uint8Array[] = [];
  await drawResponse(track, response, undefined, (chunk) => chunks.push(chunk.bytes));
  const body = new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer());
  const functionError = response.headers.get('x-amz-function-error');
  if (functionError) {
    // The payload is the error document: shown as the body Invoke returned.
    side.notice(`X-Amz-Function-Error: ${functionError}`, 'error');
    const panel = new TextPanel('The payload: the error document');
    side.show(panel.element);
    panel.add(body, track.series.ttlb ?? 0);
    panel.end();
    return { status, error: `X-Amz-Function-Error: ${functionError}`, requestId };
  }
  await showBuffered(context, body, track);
  return { status, requestId };
}

async function showBuffered(context: RunContext, bytes: Uint8Array, track: ResponseTrack) {
  const { prelude, body } = splitPrelude(bytes);
  const at = track.series.ttlb ?? 0;
  if (prelude) {
    track.side.notice(
      `The payload starts with the function's HTTP prelude (status ${prelude.statusCode ?? 200}); shown here without it.`,
    );
  }
  // Without a prelude, Invoke says nothing of the type: the bytes are shown as text.
  const type = preludeContentType(prelude) ?? 'text/plain';
  const view = bodyViewFor(type, track.startedAt, context.config.bandwidth);
  track.side.show(view.element);
  view.add(body, at);
  await view.end(at);
}
