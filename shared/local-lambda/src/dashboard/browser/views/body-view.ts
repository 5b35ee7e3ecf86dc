import { GzipPanel } from './gzip-panel.js';
import { HtmlPanel } from './html-panel.js';
import { type Bandwidth, ProgressPanel } from './pdf-panel.js';
import { TextPanel } from './text-panel.js';

/** A panel that shows a response body as its chunks arrive. */
export interface BodyView {
  element: HTMLElement;
  add(bytes: Uint8Array, at: number): void;
  end(ttlb: number): void | Promise<void>;
}

const TEXT = /^(text\/|application\/(json|x-ndjson|xml|javascript)|.*\+(json|xml)$)/;

/**
 * Picks the view for a content type: HTML renders progressively, gzip is decompressed in the
 * page, text shows chunk by chunk, anything else (the PDF) gets the download bar.
 *
 * @param contentType - The response's `Content-Type`.
 * @param startedAt - `performance.now()` when the request was sent.
 * @param bandwidth - The emulator's bandwidth rule, for the download bar.
 * @returns The view.
 * @example
 * ```ts
 * const view = bodyViewFor(response.headers.get('content-type') ?? '', started, config.bandwidth);
 * ```
 */
export function bodyViewFor(
  contentType: string,
  startedAt: number,
  bandwidth: Bandwidth,
): BodyView {
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (type === 'text/html') {
    const panel = new HtmlPanel(startedAt);
    return { element: panel.element, add: (b, at) => panel.write(b, at), end: () => panel.end() };
  }
  if (type === 'application/gzip' || type === 'application/x-gzip') {
    const panel = new GzipPanel(startedAt);
    return { element: panel.element, add: (b) => panel.add(b), end: () => panel.end() };
  }
  if (type === '' || TEXT.test(type)) {
    const panel = new TextPanel();
    return { element: panel.element, add: (b, at) => panel.add(b, at), end: () => panel.end() };
  }
  const panel = new ProgressPanel(bandwidth, type);
  return { element: panel.element, add: (b, at) => panel.add(b, at), end: (t) => panel.end(t) };
}
