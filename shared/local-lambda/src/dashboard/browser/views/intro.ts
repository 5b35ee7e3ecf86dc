import type { DashboardConfig } from '../config.js';
import { el } from '../dom.js';
import { formatBytes } from '../format.js';

/**
 * What the stage shows before the first run: what each button does.
 *
 * @example
 * ```ts
 * showIntro(byId('stage'), config);
 * ```
 */
export function showIntro(stage: HTMLElement, config: DashboardConfig): void {
  const rule = config.bandwidth
    ? `past ${formatBytes(config.bandwidth.burstBytes)} it slows to ${formatBytes(config.bandwidth.bytesPerSecond)}/s, as on Lambda`
    : 'the bandwidth limit is off';
  stage.replaceChildren(
    el('div', { class: 'intro' }, [
      el('h2', { text: 'Watch a response arrive' }),
      el('p', {
        text: 'Pick a function and run it. Every chunk is drawn the moment the browser receives it: bytes against milliseconds since the request, with the time to first byte and to last byte.',
      }),
      el('dl', {}, [
        el('dt', { text: 'Stream URL' }),
        el('dd', {
          text: `Requests the function URL, signed with SigV4 when it is AWS_IAM. HTML renders as it streams, gzip is decompressed in the page, a large file shows its download bar (${rule}).`,
        }),
        el('dt', { text: 'Compare with buffered' }),
        el('dd', {
          text: 'Runs the same function streamed (its URL) and buffered (the Invoke API) at the same moment, on one time axis, both on warm execution environments (the page invokes it twice first, not drawn), so neither side pays a cold start the other does not.',
        }),
        el('dt', { text: 'InvokeWithResponseStream' }),
        el('dd', {
          text: 'Calls the Lambda API and decodes its event stream in the page: each PayloadChunk, then InvokeComplete with its ErrorCode.',
        }),
      ]),
      el('p', {
        class: 'muted',
        text: 'The page uses the same public endpoints as curl or the AWS SDK; the log below is the emulator’s, live. Times are measured in the page, so a signed request’s first byte includes signing it in JavaScript and the browser’s CORS preflight. Sizes are in KiB and MiB (1 MiB = 1,048,576 bytes).',
      }),
    ]),
  );
}
