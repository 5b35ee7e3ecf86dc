import { el, mark } from '../dom.js';
import { formatBytes, formatMs } from '../format.js';
import { BytesChart } from './chart.js';
import type { ChartGuide } from './chart-series.js';

/** What a run is: a function URL, the compare view, the SDK's event stream or `Invoke`. */
export type RunKind = 'url' | 'compare' | 'sdk' | 'invoke';

/**
 * The stage of one run: a heading, one shared chart, and one or two sides (streamed and
 * buffered), each with its figures and its body panel. The figures are also written as
 * `data-*` attributes (`data-ttfb`, `data-ttlb`, …) from the page's own clock.
 *
 * @example
 * ```ts
 * const run = new RunView('url', 'TtfbWriteFunction', 'GET http://127.0.0.1:3001/');
 * const side = run.side('streamed', 'function URL, RESPONSE_STREAM');
 * ```
 */
export class RunView {
  readonly element: HTMLElement;
  readonly chart: BytesChart;
  readonly #sides = el('div', { class: 'sides' });

  constructor(kind: RunKind, title: string, subtitle: string, guides: ChartGuide[] = []) {
    this.chart = new BytesChart(guides);
    this.element = el('section', { class: 'run', attrs: { 'data-run': kind } }, [
      el('header', { class: 'run-head' }, [
        el('h2', { text: title }),
        el('p', { class: 'request-line', text: subtitle }),
      ]),
      this.chart.element,
      this.#sides,
    ]);
    mark(this.element, 'state', 'running');
  }

  /** Adds a side (a column under the chart); `waiting` shows until its body arrives. */
  side(
    name: 'streamed' | 'buffered' | 'events',
    label: string,
    note: string,
    waiting = 'Waiting for the first byte…',
  ): SideView {
    const side = new SideView(name, label, note, waiting);
    this.#sides.append(side.element);
    this.#sides.classList.toggle('two', this.#sides.children.length > 1);
    return side;
  }

  /** Marks the run finished (`data-state`). */
  finish(state: 'done' | 'failed'): void {
    mark(this.element, 'state', state);
  }
}

/** The figures in reading order, whichever is known first. */
const FIGURE_ORDER = ['status', 'ttfb', 'ttlb', 'bytes', 'chunks', 'type'];

/** One column of a run: figures, notices and the body panel. */
export class SideView {
  readonly element: HTMLElement;
  readonly #figures = el('dl', { class: 'figures' });
  readonly #notices = el('div', { class: 'notices' });
  readonly #panel = el('div', { class: 'panel-slot' });

  constructor(name: string, label: string, note: string, waiting: string) {
    this.element = el('div', { class: `side side-${name}`, attrs: { 'data-side': name } }, [
      el('h3', {}, [el('span', { class: 'swatch' }), label]),
      el('p', { class: 'muted side-note', text: note }),
      this.#figures,
      this.#notices,
      this.#panel,
    ]);
    this.#panel.append(el('p', { class: 'waiting', text: waiting }));
  }

  /** Shows (or updates) one figure, and records it as `data-<key>`. */
  figure(key: string, label: string, value: string | number): void {
    const text = typeof value === 'number' ? formatMs(value) : value;
    let item = this.#figures.querySelector<HTMLElement>(`[data-figure="${key}"]`);
    if (!item) {
      item = el('div', { attrs: { 'data-figure': key } }, [el('dt', { text: label }), el('dd')]);
      const rank = (name: string | undefined) => FIGURE_ORDER.indexOf(name ?? '');
      const after = [...this.#figures.children].find(
        (other) => rank((other as HTMLElement).dataset.figure) > rank(key),
      );
      this.#figures.insertBefore(item, after ?? null);
    }
    const dd = item.querySelector('dd');
    if (dd) dd.textContent = text;
    mark(this.element, key, value);
  }

  /** Shows the body's size and chunk count. */
  size(bytes: number, chunks: number): void {
    this.figure('bytes', 'received', formatBytes(bytes));
    this.figure('chunks', 'chunks', String(chunks));
  }

  /** Adds a notice: `info`, or `error` (also recorded as `data-error`). */
  notice(text: string, tone: 'info' | 'error' = 'info'): void {
    this.#notices.append(el('p', { class: `notice-line ${tone}`, text }));
    if (tone !== 'error') return;
    mark(this.element, 'error', text);
    this.#panel.querySelector('.waiting')?.remove(); // no body is coming
  }

  /** Puts the body panel in place (before the first byte, so it can render as bytes come). */
  show(panel: HTMLElement): void {
    this.#panel.replaceChildren(panel);
  }
}
