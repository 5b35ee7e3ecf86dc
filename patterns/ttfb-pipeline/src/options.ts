import type { ReadingOptions } from './readings.js';

/**
 * Limits of the query parameters. The longest stream allowed (count × intervalMs) stays well
 * under the function's 30-second timeout.
 */
export const LIMITS = {
  count: { min: 1, max: 1000, default: 20 },
  intervalMs: { min: 0, max: 2000, default: 250 },
  /** count × intervalMs may not exceed this; the function times out after 30 s. */
  maxDurationMs: 20_000,
} as const;

/** The options, or the reason the request cannot have them. */
export type ParsedOptions = { ok: true; options: ReadingOptions } | { ok: false; message: string };

/**
 * Reads `count` and `intervalMs` from the query string, with defaults, and refuses values that
 * are not whole numbers, are out of range, or would make the stream run longer than 20 s.
 *
 * @param query - `event.queryStringParameters`.
 * @returns The options, or a message for a 400 answer.
 * @example
 * ```ts
 * parseOptions({ count: '5', intervalMs: '100' });
 * // { ok: true, options: { count: 5, intervalMs: 100 } }
 * ```
 */
export function parseOptions(query: Record<string, string | undefined> = {}): ParsedOptions {
  const count = wholeNumber('count', query.count, LIMITS.count);
  if (typeof count === 'string') return { ok: false, message: count };
  const intervalMs = wholeNumber('intervalMs', query.intervalMs, LIMITS.intervalMs);
  if (typeof intervalMs === 'string') return { ok: false, message: intervalMs };
  const durationMs = count * intervalMs;
  if (durationMs > LIMITS.maxDurationMs) {
    const limit = `count × intervalMs must be at most ${LIMITS.maxDurationMs} ms`;
    return { ok: false, message: `${limit} (got ${durationMs})` };
  }
  return { ok: true, options: { count, intervalMs } };
}

function wholeNumber(
  name: string,
  raw: string | undefined,
  limits: { min: number; max: number; default: number },
): number | string {
  if (raw === undefined) return limits.default;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isSafeInteger(value) && value >= limits.min && value <= limits.max) return value;
  return `${name} must be a whole number from ${limits.min} to ${limits.max}`;
}
