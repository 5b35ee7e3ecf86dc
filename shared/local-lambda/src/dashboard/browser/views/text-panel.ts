import { el, mark } from '../dom.js';
import { formatMs } from '../format.js';

/** Text beyond this is counted, not shown: the page stays responsive for large bodies. */
const MAX_SHOWN_CHARS = 200_000;

/**
 * Shows a text body as it arrives, one shaded span per chunk (hover for its arrival time), so
 * the chunk boundaries the function made are visible.
 *
 * @example
 * ```ts
 * const panel = new TextPanel();
 * panel.add(chunk.bytes, chunk.at);
 * panel.end();
 * ```
 */
export class TextPanel {
  readonly element = el('div', { class: 'panel text-panel' });
  readonly #text = el('pre', { class: 'chunks' });
  readonly #decoder = new TextDecoder();
  #shown = 0;
  #count = 0;

  constructor(note?: string) {
    if (note) this.element.append(el('p', { class: 'muted', text: note }));
    this.element.append(this.#text);
  }

  /** Appends one chunk (`at`: ms since the request). */
  add(bytes: Uint8Array, at: number): void {
    this.#append(this.#decoder.decode(bytes, { stream: true }), at);
  }

  /** Flushes a partial character left by the last chunk. */
  end(): void {
    const rest = this.#decoder.decode();
    if (rest) this.#append(rest, undefined);
  }

  #append(text: string, at: number | undefined): void {
    if (!text) return;
    this.#count += 1;
    mark(this.element, 'chunks', String(this.#count));
    if (this.#shown >= MAX_SHOWN_CHARS) return;
    const visible = text.slice(0, MAX_SHOWN_CHARS - this.#shown).replaceAll('\0', '␀');
    this.#shown += visible.length;
    const title = at === undefined ? '' : `arrived ${formatMs(at)} after the request`;
    this.#text.append(el('span', { class: 'chunk', text: visible, title }));
    if (this.#shown >= MAX_SHOWN_CHARS) {
      this.#text.append(el('span', { class: 'muted', text: '\n… (the rest is not shown)' }));
    }
  }
}
