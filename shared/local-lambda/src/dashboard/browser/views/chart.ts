import { el, svg } from '../dom.js';
import {
  drawSeries,
  guideLine,
  H,
  horizontalTick,
  M,
  PLOT_H,
  PLOT_W,
  verticalTick,
  W,
} from './chart-parts.js';
import type { ChartGuide, ChartSeries } from './chart-series.js';
import { bytesAxis, timeAxis } from './scales.js';

/**
 * Cumulative bytes against milliseconds since the request, one mark per chunk, with time to
 * first and last byte: several responses share one time axis. Redrawn at most once a frame.
 *
 * @example
 * ```ts
 * const chart = new BytesChart();
 * const streamed = chart.add({ label: 'streamed', color: 'var(--streamed)', points: [] });
 * streamed.points.push({ at: 12, total: 900 });
 * chart.update(performance.now() - started);
 * ```
 */
export class BytesChart {
  readonly element = el('figure', { class: 'chart' });
  readonly #svg = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img' });
  readonly #series: ChartSeries[] = [];
  #now = 0;
  #frame = 0;

  constructor(readonly guides: ChartGuide[] = []) {
    this.#svg.setAttribute('aria-label', 'Bytes received over time');
    this.element.append(this.#svg);
    this.#render();
  }

  /** @returns The series, to fill in as chunks arrive. */
  add(series: ChartSeries): ChartSeries {
    this.#series.push(series);
    this.update();
    return series;
  }

  /** Schedules a redraw; `now` stretches the time axis while responses are still running. */
  update(now?: number): void {
    if (now !== undefined) this.#now = Math.max(this.#now, now);
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#render();
    });
  }

  #render(): void {
    const ends = this.#series.flatMap((s) => [s.ttlb ?? 0, s.points.at(-1)?.at ?? 0]);
    const time = timeAxis(Math.max(this.#now, ...ends) * 1.04);
    const most = Math.max(0, ...this.#series.map((s) => s.points.at(-1)?.total ?? 0));
    const guides = this.guides.filter((guide) => most >= guide.bytes * 0.5);
    const bytes = bytesAxis(Math.max(most * 1.08, ...guides.map((g) => g.bytes * 1.15)));
    const x = (ms: number) => M.left + (ms / time.max) * PLOT_W;
    const y = (n: number) => M.top + PLOT_H - (n / bytes.max) * PLOT_H;
    this.#svg.replaceChildren(
      svg('rect', { class: 'plot', x: M.left, y: M.top, width: PLOT_W, height: PLOT_H }),
      ...bytes.ticks.map((t) => horizontalTick(y(t.value), t.label)),
      ...time.ticks.map((t, i) => verticalTick(x(t.value), t.label, i === time.ticks.length - 1)),
      svg('text', { class: 'axis-title', x: M.left + PLOT_W, y: H - 4, 'text-anchor': 'end' }, [
        'time since the request',
      ]),
      ...guides.map((g) => guideLine(y(g.bytes), g.label)),
      ...this.#series.flatMap((s, i) => drawSeries(s, i, x, y, this.#now)),
    );
  }
}
