import type { InvokeWithResponseStreamEvent } from '@lambda-streaming/streaming/protocol';
import { el, mark } from '../dom.js';
import { formatMs, showText } from '../format.js';

/**
 * The `InvokeWithResponseStream` events as they arrive: each `PayloadChunk` with its text, then
 * `InvokeComplete` with `ErrorCode` and `ErrorDetails` when the function failed, and the log
 * tail (`LogResult`, base64) decoded.
 *
 * @example
 * ```ts
 * const panel = new EventsPanel();
 * panel.add(event, chunk.at);
 * ```
 */
export class EventsPanel {
  readonly element = el('div', { class: 'panel events-panel' });
  readonly #list = el('ol', { class: 'events' });
  #chunks = 0;

  constructor() {
    this.element.append(this.#list);
  }

  /** Shows one event (`at`: ms since the request). */
  add(event: InvokeWithResponseStreamEvent, at: number): void {
    if (event.type === 'PayloadChunk') {
      this.#chunks += 1;
      mark(this.element, 'payloadChunks', String(this.#chunks));
      this.#row(at, 'PayloadChunk', [el('code', { text: showText(event.payload) })]);
    } else if (event.type === 'InvokeComplete') {
      this.#complete(event, at);
    } else {
      const row = this.#row(at, event.name, [el('span', { text: event.message })]);
      row.classList.add('failed');
    }
  }

  #complete(
    event: Extract<InvokeWithResponseStreamEvent, { type: 'InvokeComplete' }>,
    at: number,
  ): void {
    const failed = event.errorCode !== undefined;
    const details = failed
      ? [
          el('div', {}, [el('b', { text: 'ErrorCode ' }), el('code', { text: event.errorCode })]),
          el('div', {}, [
            el('b', { text: 'ErrorDetails ' }),
            el('code', { text: event.errorDetails ?? '' }),
          ]),
        ]
      : [el('span', { text: 'no ErrorCode: the function succeeded' })];
    const row = this.#row(at, 'InvokeComplete', details);
    row.classList.add('invoke-complete', failed ? 'failed' : 'succeeded');
    if (failed) row.dataset.errorCode = event.errorCode;
    if (event.logResult) row.append(logTail(event.logResult));
    mark(this.element, 'complete', failed ? 'error' : 'ok');
  }

  #row(at: number, type: string, content: (Node | string)[]): HTMLLIElement {
    const row = el('li', {}, [
      el('span', { class: 'at', text: formatMs(at) }),
      el('span', { class: 'event-type', text: type }),
      el('div', { class: 'event-body' }, content),
    ]);
    this.#list.append(row);
    return row;
  }
}

function logTail(base64: string): HTMLElement {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return el('details', { class: 'log-result' }, [
    el('summary', { text: 'LogResult (the last 4 KiB of the log, decoded)' }),
    el('pre', { text: new TextDecoder().decode(bytes) }),
  ]);
}
