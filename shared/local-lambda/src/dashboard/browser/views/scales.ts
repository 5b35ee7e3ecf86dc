/** Axis arithmetic for the bytes-over-time chart. */

/** An axis: its end and its ticks, with labels. */
export interface Axis {
  max: number;
  ticks: { value: number; label: string }[];
}

const STEPS = [1, 2, 2.5, 5];

/** The smallest 1/2/2.5/5 × 10^n step that cuts `span` into at most `count` parts. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const step of STEPS) if (step * power >= raw) return step * power;
  return 10 * power;
}

function axis(span: number, count: number, unit: number, format: (n: number) => string): Axis {
  const step = niceStep(span / unit, count) * unit;
  const max = Math.max(step, Math.ceil(span / step - 1e-9) * step);
  const ticks = [];
  for (let value = 0; value <= max + step / 2; value += step) {
    ticks.push({ value, label: format(value / unit) });
  }
  return { max, ticks };
}

/**
 * @param ms - The longest time to show.
 * @returns A time axis in ms, or in seconds from one second on.
 * @example
 * ```ts
 * timeAxis(1800).ticks.map((t) => t.label); // ['0', '500 ms', …]
 * ```
 */
export function timeAxis(ms: number): Axis {
  const span = Math.max(ms, 100);
  if (span < 1000) return axis(span, 5, 1, (n) => (n === 0 ? '0' : `${round(n)} ms`));
  return axis(span, 6, 1000, (n) => (n === 0 ? '0' : `${round(n)} s`));
}

/**
 * @param bytes - The most bytes to show.
 * @returns A bytes axis in B, KiB or MiB.
 * @example
 * ```ts
 * bytesAxis(7_000_000).ticks.at(-1)?.label; // '8 MiB'
 * ```
 */
export function bytesAxis(bytes: number): Axis {
  const span = Math.max(bytes, 64);
  const unit = span >= 1024 * 1024 ? 1024 * 1024 : span >= 1024 ? 1024 : 1;
  const name = unit === 1 ? 'B' : unit === 1024 ? 'KiB' : 'MiB';
  return axis(span, 4, unit, (n) => (n === 0 ? '0' : `${round(n)} ${name}`));
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}
