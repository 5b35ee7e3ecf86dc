/**
 * The drawing pieces of the bytes-over-time chart (`BytesChart`): geometry, ticks, the burst
 * guide, each series with its chunk marks, and the TTFB/TTLB markers.
 *
 * @module
 */
import { svg } from '../dom.js';
import { formatMs } from '../format.js';
import type { ChartSeries } from './chart-series.js';

/** The SVG's size and margins, in viewBox units. */
export const W = 760;
export const H = 270;
export const M = { left: 66, right: 18, top: 14, bottom: 40 };
export const PLOT_W = W - M.left - M.right;
export const PLOT_H = H - M.top - M.bottom;

/** A grid line across the plot at a number of bytes, labelled on the left. */
export function horizontalTick(at: number, label: string): SVGGElement {
  return svg('g', { class: 'tick' }, [
    svg('line', { x1: M.left, x2: M.left + PLOT_W, y1: at, y2: at }),
    svg('text', { x: M.left - 8, y: at + 4, 'text-anchor': 'end' }, [label]),
  ]);
}

/** A grid line down the plot at a time, labelled below (the last one flush right). */
export function verticalTick(at: number, label: string, last: boolean): SVGGElement {
  const anchor = last ? 'end' : 'middle';
  return svg('g', { class: 'tick' }, [
    svg('line', { x1: at, x2: at, y1: M.top, y2: M.top + PLOT_H }),
    svg('text', { x: at, y: M.top + PLOT_H + 18, 'text-anchor': anchor }, [label]),
  ]);
}

/** The label sits under the line at the right, where a rising line has already passed above. */
export function guideLine(at: number, label: string): SVGGElement {
  return svg('g', { class: 'guide' }, [
    svg('line', { x1: M.left, x2: M.left + PLOT_W, y1: at, y2: at }),
    svg('text', { x: M.left + PLOT_W - 8, y: at + 16, 'text-anchor': 'end' }, [label]),
  ]);
}

export type Scale = (value: number) => number;

/** A running series extends to `now`: "nothing yet" shows as a line along zero. */
export function drawSeries(
  series: ChartSeries,
  index: number,
  x: Scale,
  y: Scale,
  now: number,
): SVGElement[] {
  const color = { stroke: series.color, fill: series.color };
  let d = `M${x(0)},${y(0)}`;
  let previous = 0;
  for (const point of series.points) {
    d += ` L${x(point.at)},${y(previous)} L${x(point.at)},${y(point.total)}`;
    previous = point.total;
  }
  d += ` L${x(series.ttlb ?? Math.max(now, series.points.at(-1)?.at ?? 0))},${y(previous)}`;
  const marks = series.points.map((p) =>
    svg('circle', { class: 'mark', cx: x(p.at), cy: y(p.total), r: 3.2, ...color }),
  );
  return [
    svg('path', { class: 'series', d, stroke: series.color }),
    ...marks,
    ...timeMarkers(series, index, x),
  ];
}

/** TTFB and TTLB; one label for both when they are too close to tell apart (a buffered body). */
function timeMarkers(series: ChartSeries, index: number, x: Scale): SVGElement[] {
  const { ttfb, ttlb, color } = series;
  if (ttfb !== undefined && ttlb !== undefined && x(ttlb) - x(ttfb) < 90) {
    const same = formatMs(ttfb) === formatMs(ttlb);
    const label = same
      ? `TTFB = TTLB ${formatMs(ttlb)}`
      : `TTFB ${formatMs(ttfb)} · TTLB ${formatMs(ttlb)}`;
    return timeMarker(ttlb, label, 'end', index, x, color);
  }
  return [
    ...timeMarker(
      ttfb,
      ttfb === undefined ? '' : `TTFB ${formatMs(ttfb)}`,
      'start',
      index,
      x,
      color,
    ),
    ...timeMarker(ttlb, ttlb === undefined ? '' : `TTLB ${formatMs(ttlb)}`, 'end', index, x, color),
  ];
}

/** Roughly how wide a label is drawn (11.5px bold sans): enough to keep it inside the plot. */
const CHAR_WIDTH = 7;

/**
 * A vertical line at a time, its label staggered by series so two never overlap, on the side
 * asked for unless the label would leave the plot there.
 */
function timeMarker(
  at: number | undefined,
  text: string,
  side: 'start' | 'end',
  index: number,
  x: Scale,
  color: string,
): SVGElement[] {
  if (at === undefined) return [];
  const left = x(at);
  const width = text.length * CHAR_WIDTH;
  let anchor = side;
  if (anchor === 'end' && left - width < M.left) anchor = 'start';
  if (anchor === 'start' && left + width > M.left + PLOT_W) anchor = 'end';
  const label = {
    class: 'marker-label',
    x: left + (anchor === 'start' ? 5 : -5),
    y: M.top + 14 + index * 16,
    fill: color,
    'text-anchor': anchor,
  };
  const line = {
    class: 'marker',
    x1: left,
    x2: left,
    y1: M.top,
    y2: M.top + PLOT_H,
    stroke: color,
  };
  return [svg('line', line), svg('text', label, [text])];
}
