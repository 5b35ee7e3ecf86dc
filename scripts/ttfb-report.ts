/**
 * What `scripts/ttfb` prints: one line per run, percentiles of time to first and last byte, and
 * an ASCII timeline of the chunk arrivals of the typical run.
 */
import type { ChunkTiming } from '@lambda-streaming/streaming/client';
import { fixed, ms, textTable } from './bench/lib/format.js';
import { median, summarize } from './bench/lib/stats.js';

/** One timed call. */
export interface TtfbRun {
  statusCode: number;
  ttfbMs: number | undefined;
  ttlbMs: number;
  bytes: number;
  chunks: ChunkTiming[];
  /** `false` when the connection ended before the response did. */
  complete: boolean;
  /** The start of the body of a response that is not 2xx (AWS's error message). */
  errorBody?: string;
}

/** What was called, for the heading. */
export interface TtfbTarget {
  method: string;
  url: string;
  /** `SigV4, us-east-1` or `unsigned`. */
  signing: string;
}

const CHUNKS_LISTED = 12;

/**
 * Renders the whole report.
 *
 * @param target - What was called.
 * @param runs - At least one run.
 * @param width - Columns of the timeline.
 * @returns Lines of text, ending with a newline.
 * @example
 * ```ts
 * process.stdout.write(formatTtfbReport({ method: 'GET', url, signing: 'unsigned' }, runs));
 * ```
 */
export function formatTtfbReport(target: TtfbTarget, runs: readonly TtfbRun[], width = 60): string {
  const ttlbMedian = median(runs.map((run) => run.ttlbMs));
  const typicalIndex = runs.reduce(
    (best, run, i) =>
      Math.abs(run.ttlbMs - ttlbMedian) < Math.abs((runs[best]?.ttlbMs ?? 0) - ttlbMedian)
        ? i
        : best,
    0,
  );
  const typical = runs[typicalIndex] as TtfbRun;
  return [
    `${target.method} ${target.url}: ${runs.length} run(s), ${target.signing}`,
    '',
    runTable(runs),
    ...errorLines(runs),
    '',
    percentileTable(runs),
    '',
    `Chunk arrivals of run ${typicalIndex + 1} (the median time to last byte):`,
    ...asciiTimeline(typical.chunks, typical.ttlbMs, width),
    '',
  ].join('\n');
}

function runTable(runs: readonly TtfbRun[]): string {
  return textTable(
    ['run', 'status', 'TTFB', 'TTLB', 'bytes', 'chunks', ''],
    runs.map((run, i) => [
      String(i + 1),
      String(run.statusCode),
      run.ttfbMs === undefined ? '-' : ms(run.ttfbMs),
      ms(run.ttlbMs),
      String(run.bytes),
      String(run.chunks.length),
      run.complete ? '' : 'truncated',
    ]),
  );
}

function errorLines(runs: readonly TtfbRun[]): string[] {
  const first = runs.findIndex((run) => run.errorBody !== undefined);
  const run = runs[first];
  if (!run) return [];
  return ['', `Run ${first + 1} answered ${run.statusCode}: ${run.errorBody}`];
}

function percentileTable(runs: readonly TtfbRun[]): string {
  const ttfbs = runs.flatMap((run) => (run.ttfbMs === undefined ? [] : [run.ttfbMs]));
  const row = (name: string, samples: number[]) => {
    if (samples.length === 0) return [name, '-', '-', '-'];
    const s = summarize(samples);
    return [name, ms(s.p50), ms(s.p95), ms(s.max)];
  };
  return textTable(
    ['', 'p50', 'p95', 'max'],
    [
      row('time to first byte', ttfbs),
      row(
        'time to last byte',
        runs.map((run) => run.ttlbMs),
      ),
    ],
  );
}

/**
 * Draws when chunks arrived: one column per slice of time, `#` where at least one chunk came,
 * `.` where none did; the scale under it; then the first chunks, each with its time and size.
 *
 * @param chunks - Arrivals, in order.
 * @param totalMs - The time the line spans (the time to last byte).
 * @param width - Columns.
 * @returns Lines of text.
 * @example
 * ```ts
 * asciiTimeline([{ atMs: 3, bytes: 812 }, { atMs: 1004, bytes: 291 }], 1010, 10);
 * // ['|#........#|', '0 ms    1010 ms', ...]
 * ```
 */
export function asciiTimeline(
  chunks: readonly ChunkTiming[],
  totalMs: number,
  width = 60,
): string[] {
  const span = Math.max(totalMs, ...chunks.map((c) => c.atMs), 1e-6);
  const columns = Array.from({ length: width }, () => '.');
  for (const chunk of chunks) {
    columns[Math.min(width - 1, Math.floor((chunk.atMs / span) * width))] = '#';
  }
  const end = ms(span);
  const listed = chunks
    .slice(0, CHUNKS_LISTED)
    .map((c) => `  ${ms(c.atMs).padStart(10)}  ${c.bytes} B`);
  const more = chunks.length - listed.length;
  return [
    `|${columns.join('')}|`,
    `0 ms${end.padStart(width + 2 - 4)}`,
    ...listed,
    ...(more > 0
      ? [`  … and ${more} more (${fixed(bytesOf(chunks.slice(CHUNKS_LISTED)))} B)`]
      : []),
  ];
}

function bytesOf(chunks: readonly ChunkTiming[]): number {
  return chunks.reduce((sum, c) => sum + c.bytes, 0);
}
