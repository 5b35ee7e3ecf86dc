import { paced } from '@lambda-streaming/streaming';

/** One reading of a greenhouse sensor, one line of the NDJSON output. */
export interface Reading {
  /** 1, 2, 3... */
  seq: number;
  sensor: string;
  /** When the reading was taken: one a minute from 06:00 UTC on 30 November 2026. */
  at: string;
  temperatureC: number;
  humidityPct: number;
  co2Ppm: number;
}

/** What {@link readingLines} produces and how fast. */
export interface ReadingOptions {
  /** Number of readings. */
  count: number;
  /** Pause between two readings, in milliseconds. */
  intervalMs: number;
  /** Seed of the pseudo-random values: the same seed gives the same readings. */
  seed?: number;
}

const SENSORS = ['greenhouse-a', 'greenhouse-b', 'greenhouse-c'];
const FIRST_READING = Date.UTC(2026, 10, 30, 6, 0, 0);

/**
 * Generates sensor readings, the same ones for the same seed and count. A replayed log: each
 * value drifts a little from the previous one of the same sensor.
 *
 * @param count - Number of readings.
 * @param seed - Seed of the pseudo-random walk (default 42).
 * @returns The readings, in order.
 * @example
 * ```ts
 * const [first] = readings(1); // { seq: 1, sensor: 'greenhouse-a', ... }
 * ```
 */
export function* readings(count: number, seed = 42): Generator<Reading> {
  const random = mulberry32(seed);
  const state = SENSORS.map(() => ({ temperatureC: 21, humidityPct: 60, co2Ppm: 650 }));
  for (let seq = 1; seq <= count; seq++) {
    const index = (seq - 1) % SENSORS.length;
    const last = state[index] as (typeof state)[number];
    last.temperatureC = round(last.temperatureC + (random() - 0.5) * 0.6, 1);
    last.humidityPct = round(last.humidityPct + (random() - 0.5) * 2, 1);
    last.co2Ppm = Math.round(last.co2Ppm + (random() - 0.5) * 40);
    yield {
      seq,
      sensor: SENSORS[index] as string,
      at: new Date(FIRST_READING + (seq - 1) * 60_000).toISOString(),
      ...last,
    };
  }
}

/**
 * The readings as NDJSON lines (one JSON object and a newline each), released one by one with
 * a pause in between: the first at once, the next `intervalMs` later, and so on. This is the
 * slow source that `pipeline()` pulls from, one line at a time.
 *
 * @param options - Count, pace and seed.
 * @returns An async generator of lines, ready for `pipeline()`.
 * @example
 * ```ts
 * await pipeline(readingLines({ count: 20, intervalMs: 250 }), flushingGzip(), stream);
 * ```
 */
export function readingLines(options: ReadingOptions): AsyncGenerator<string> {
  const lines = (function* () {
    for (const reading of readings(options.count, options.seed)) {
      yield `${JSON.stringify(reading)}\n`;
    }
  })();
  return paced(lines, options.intervalMs);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A small, fast seeded PRNG (mulberry32): good enough for plausible, repeatable numbers. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
