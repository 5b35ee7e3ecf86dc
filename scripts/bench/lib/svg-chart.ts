/**
 * A small SVG step chart of chunk arrivals: for each response, the share of its bytes received
 * over time. Hand-written SVG: two series and two axes need no charting library.
 */
import type { ChunkTiming } from '@lambda-streaming/streaming/client';

/** One response on the chart. */
export interface ChartSeries {
  label: string;
  /** Any CSS colour. */
  color: string;
  chunks: readonly ChunkTiming[];
}

/** Title and size. */
export interface ChartOptions {
  title: string;
  width?: number;
  height?: number;
}

const MARGIN = { left: 56, right: 20, top: 44, bottom: 64 };

/**
 * Renders the chart.
 *
 * @param series - Responses; each is drawn as a step line from 0% to 100% of its bytes.
 * @param options - Title and size (default 720 × 360).
 * @returns A standalone SVG document.
 * @example
 * ```ts
 * writeFileSync('chart.svg', renderArrivalChart([{ label: 'streamed', color: '#f90', chunks }], { title: 'ttfb-write' }));
 * ```
 */
export function renderArrivalChart(series: readonly ChartSeries[], options: ChartOptions): string {
  const width = options.width ?? 720;
  const height = options.height ?? 360;
  const plot = { w: width - MARGIN.left - MARGIN.right, h: height - MARGIN.top - MARGIN.bottom };
  const lastMs = Math.max(1, ...series.flatMap((s) => s.chunks.map((c) => c.atMs)));
  const step = tickStep(lastMs / 1000);
  const maxS = Math.ceil(lastMs / 1000 / step) * step;
  const x = (atMs: number) => MARGIN.left + (atMs / 1000 / maxS) * plot.w;
  const y = (share: number) => MARGIN.top + (1 - share) * plot.h;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    // The title names the chart for screen readers and tooltips (Biome's noSvgWithoutTitle).
    `<title>${escapeXml(options.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="15" font-weight="600" fill="#1d2433">${escapeXml(options.title)}</text>`,
    ...axes(maxS, step, x, y, plot, height),
    ...series.flatMap((s, i) => seriesShapes(s, x, y, maxS, i, height)),
    '</svg>',
    '',
  ].join('\n');
}

/** A tick step of 1, 2 or 5 × 10^n seconds giving at most 10 ticks. */
export function tickStep(seconds: number): number {
  const rough = Math.max(seconds, 1e-3) / 10;
  const power = 10 ** Math.floor(Math.log10(rough));
  const factor = [1, 2, 5, 10].find((f) => f * power >= rough) ?? 10;
  return factor * power;
}

function axes(
  maxS: number,
  step: number,
  x: (ms: number) => number,
  y: (share: number) => number,
  plot: { w: number; h: number },
  height: number,
): string[] {
  const lines: string[] = [];
  for (const share of [0, 0.25, 0.5, 0.75, 1]) {
    lines.push(
      `<line x1="${MARGIN.left}" y1="${y(share)}" x2="${MARGIN.left + plot.w}" y2="${y(share)}" stroke="#e5e7eb"/>`,
      `<text x="${MARGIN.left - 8}" y="${y(share) + 4}" text-anchor="end" fill="#5f6b7a">${share * 100}%</text>`,
    );
  }
  for (let s = 0; s <= maxS + 1e-9; s += step) {
    const label = Number(s.toFixed(3));
    lines.push(
      `<text x="${x(s * 1000)}" y="${MARGIN.top + plot.h + 18}" text-anchor="middle" fill="#5f6b7a">${label} s</text>`,
    );
  }
  lines.push(
    `<text x="${MARGIN.left + plot.w / 2}" y="${height - 28}" text-anchor="middle" fill="#5f6b7a">time since the request was sent</text>`,
    `<text transform="translate(14 ${MARGIN.top + plot.h / 2}) rotate(-90)" text-anchor="middle" fill="#5f6b7a">share of the response received</text>`,
  );
  return lines;
}

function seriesShapes(
  series: ChartSeries,
  x: (ms: number) => number,
  y: (share: number) => number,
  maxS: number,
  index: number,
  height: number,
): string[] {
  const total = series.chunks.reduce((sum, c) => sum + c.bytes, 0) || 1;
  let received = 0;
  let path = `M ${x(0)} ${y(0)}`;
  const dots: string[] = [];
  for (const chunk of series.chunks) {
    received += chunk.bytes;
    path += ` H ${round(x(chunk.atMs))} V ${round(y(received / total))}`;
    dots.push(
      `<circle cx="${round(x(chunk.atMs))}" cy="${round(y(received / total))}" r="3.5" fill="${series.color}"/>`,
    );
  }
  path += ` H ${x(maxS * 1000)}`;
  const legendX = MARGIN.left + index * 300;
  return [
    `<path d="${path}" fill="none" stroke="${series.color}" stroke-width="2.5"/>`,
    ...dots,
    `<rect x="${legendX}" y="${height - 14}" width="14" height="4" fill="${series.color}"/>`,
    `<text x="${legendX + 20}" y="${height - 9}" fill="#1d2433">${escapeXml(series.label)}</text>`,
  ];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Escapes text for SVG.
 *
 * @param text - Any text.
 * @returns The text with `&`, `<`, `>` and `"` escaped.
 * @example
 * ```ts
 * escapeXml('a < b'); // 'a &lt; b'
 * ```
 */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
