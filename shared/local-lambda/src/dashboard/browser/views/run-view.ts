import { el, mark } from '../dom.js';
import { formatBytes, formatMs } from '../format.js';
import { BytesChart } from './chart.js';
import type { ChartGuide } from './chart-series.js';

/** What a run is: a function URL, the compare view, the SDK's event stream or `Invoke`. */
export type RunKind = 'url' | 'compare' | 'sdk' | 'invoke';

/** How a line reads: under way, a success, a failure, or neutral. */
export type Tone = 'running' | 'ok' | 'error' | 'info';

/** The page's one unit for sizes, said once under every chart. */
export const UNITS_NOTE =
  'Sizes in binary units: 1 KiB = 1,024 bytes, 1 MiB = 1,048,576 bytes. Lambda writes MB for the same units (REPORT’s Memory Size, the 6 MB limit of a buffered response).';

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
  readonly #status = el('p', { class: 'run-status', attrs: { role: 'status' } });
  readonly #head: HTMLElement;

  constructor(kind: RunKind, title: string, subtitle: string, guides: ChartGuide[] = []) {
    this.chart = new BytesChart(guides);
    this.#head = el('header', { class: 'run-head' }, [
      el('h2', { text: title }),
      el('p', { class: 'request-line', text: subtitle }),
      this.#status,
    ]);
    this.element = el('section', { class: 'run', attrs: { 'data-run': kind } }, [
      this.#head,
      this.chart.element,
      el('p', { class: 'units-note muted', text: UNITS_NOTE }),
      this.#sides,
    ]);
    mark(this.element, 'state', 'running');
    this.status('Running…', 'running');
  }

  /**
   * The outcome line at the top of the run, in view without scrolling: what happened, in one
   * line, coloured by its tone (also `data-outcome`).
   */
  status(text: string, tone: Tone): void {
    this.#status.textContent = text;
    this.#status.dataset.tone = tone;
    mark(this.element, 'outcome', tone);
    // The outcome is what the run is for: scrolled into view if the page was scrolled away.
    if (this.element.isConnected) this.#status.scrollIntoView({ block: 'nearest' });
  }

  /** Adds a note under the status line: how the run was made (e.g. warm environments). */
  note(text: string, key: string): void {
    this.#head.append(el('p', { class: 'run-note', text, attrs: { 'data-note': key } }));
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

  /** Shows (or updates) one figure, and records it as `data-<key>`; `tone` colours it. */
  figure(key: string, label: string, value: string | number, tone?: Tone): void {
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
    if (tone) item.dataset.tone = tone;
    mark(this.element, key, value);
  }

  /** Shows the HTTP status, as an error from 400 up. */
  httpStatus(status: number, text = ''): void {
    this.figure('status', 'status', `${status} ${text}`.trim(), status >= 400 ? 'error' : 'ok');
  }

  /** Explains, under the figures, what the first byte measured here includes. */
  explain(key: string, text: string): void {
    if (this.#figures.parentElement?.querySelector(`[data-explains="${key}"]`)) return;
    const note = el('p', { class: 'figure-note muted', text, attrs: { 'data-explains': key } });
    this.#figures.after(note);
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
