import { el, mark } from '../dom.js';

/**
 * Renders HTML as it arrives, the way a browser renders a streamed page: each chunk goes into
 * an open document with `document.write`, which parses it at once. The document is an
 * `about:blank` frame sandboxed without scripts (the page's parent code may write into it;
 * nothing in it may run). It records, from the page's own clock, when the first `<section>` was
 * painted (the animation frame after it was parsed) and when the last one arrived.
 *
 * @example
 * ```ts
 * const panel = new HtmlPanel(started);
 * panel.write(chunk.bytes, chunk.at);
 * panel.end();
 * ```
 */
export class HtmlPanel {
  readonly element = el('div', { class: 'panel html-panel' });
  readonly #frame = el('iframe', {
    title: 'The response, rendered as it arrives',
    attrs: { sandbox: 'allow-same-origin' },
  });
  readonly #decoder = new TextDecoder();
  #document: Document | undefined;
  #sections = 0;

  /** @param startedAt - `performance.now()` when the request was sent. */
  constructor(readonly startedAt: number) {
    this.element.append(this.#frame);
  }

  /** Writes one chunk (`at`: ms since the request) into the document. */
  write(bytes: Uint8Array, at: number): void {
    const doc = this.#open();
    doc?.write(this.#decoder.decode(bytes, { stream: true }));
    this.#noteSections(doc, at);
    this.#follow(doc);
  }

  /** Closes the document: the parser finishes what is left. */
  end(): void {
    const doc = this.#open();
    doc?.write(this.#decoder.decode());
    doc?.close();
    this.#follow(doc);
  }

  #open(): Document | undefined {
    if (this.#document) return this.#document;
    const doc = this.#frame.contentDocument ?? undefined;
    doc?.open();
    this.#document = doc;
    return doc;
  }

  /** Keeps the newest part in view, as a reader of a growing page would scroll. */
  #follow(doc: Document | undefined): void {
    const root = doc?.scrollingElement;
    if (root) doc?.defaultView?.scrollTo(0, root.scrollHeight);
  }

  #noteSections(doc: Document | undefined, at: number): void {
    const count = doc?.querySelectorAll('section').length ?? 0;
    if (count === this.#sections) return;
    if (this.#sections === 0) {
      requestAnimationFrame(() => {
        mark(this.element, 'firstSectionPainted', performance.now() - this.startedAt);
      });
    }
    this.#sections = count;
    mark(this.element, 'lastSectionAt', at);
    mark(this.element, 'sections', String(count));
  }
}
