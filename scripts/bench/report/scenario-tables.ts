/** The Markdown of each scenario in latest.md: its table, with the baseline beside it. */
import { fixed, markdownTable, ms, percent, plusMs } from '../lib/format.js';
import type { Summary } from '../lib/stats.js';
import type { ScenarioResults } from '../results.js';
import type { PathComparison } from '../scenarios/emulator-overhead.js';

const percentiles = (s: Summary) => [ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)];

/** Scenario 1. */
export function ttfbModesSection({ ttfbModes: r }: ScenarioResults): string[] {
  if (!r) return [];
  const row = (name: string, m: typeof r.streamed) => [
    name,
    String(m.statusCode),
    ms(m.ttfb.p50),
    ms(m.ttfb.p95),
    ms(m.ttlb.p50),
    String(m.bytes),
    String(m.chunkCount),
  ];
  return [
    '## 1. Time to first byte, streamed vs buffered',
    '',
    `The ttfb-write pattern's bundle, streamed through its \`RESPONSE_STREAM\` function URL, and the same function buffered through the \`Invoke\` API with the event that URL sends (what the dashboard's "Compare with buffered" does), ${r.runs} runs each, a few in flight at once, started 50 ms apart.`,
    '',
    markdownTable(
      ['path', 'status', 'TTFB p50', 'TTFB p95', 'TTLB p50', 'bytes', 'chunks'],
      [row('function URL, RESPONSE_STREAM', r.streamed), row('`Invoke`, buffered', r.buffered)],
    ),
    '',
    `Buffered TTFB is **${fixed(r.ratioP50)}×** the streamed TTFB at p50 (${fixed(r.ratioP95)}× at p95).`,
    '',
    '![Chunk arrivals of ttfb-write, streamed against buffered](ttfb-write-chunks.svg)',
    '',
    'Both sides succeed (200) and carry the same page: `Invoke` returns it once the handler has ended (its payload is the http-integration prelude and the page, a few bytes more), so its first byte is its last, while the URL sends each part as the handler writes it. This is what a buffered integration (SAM local, LocalStack, a `BUFFERED` URL over a handler that returns its result) gives a client: nothing before the last write.',
  ];
}

/**
 * The plain server and the two emulator paths, with what the emulator adds.
 *
 * @param r - A comparison (scenario 2 or the warm part of 6).
 * @param what - The figure: `TTFB` or `TTLB`.
 * @returns A Markdown table.
 * @example
 * ```ts
 * comparisonTable(results.scenarios.overhead, 'TTFB');
 * ```
 */
export function comparisonTable(r: PathComparison, what: string): string {
  const row = (name: string, s: Summary, p50?: number, p95?: number) => [
    name,
    ...percentiles(s),
    p50 === undefined ? '(baseline)' : plusMs(p50),
    p95 === undefined ? '' : plusMs(p95),
  ];
  return markdownTable(
    ['path', `${what} p50`, 'p95', 'p99', 'max', 'added p50', 'added p95'],
    [
      row('plain Node http server', r.plain),
      row('function URL', r.url, r.urlAddedP50Ms, r.urlAddedP95Ms),
      row(
        'InvokeWithResponseStream',
        r.eventStream,
        r.eventStreamAddedP50Ms,
        r.eventStreamAddedP95Ms,
      ),
    ],
  );
}

/** Scenario 2. */
export function overheadSection({ overhead: r }: ScenarioResults): string[] {
  if (!r) return [];
  return [
    '## 2. Emulator overhead on time to first byte',
    '',
    `The same first write (the head of a page) from a plain \`node:http\` server in its own process, through a local-lambda function URL and through \`InvokeWithResponseStream\`; warm, ${r.runs} rounds taking each path in turn, keep-alive connections, requests signed before the clock starts.`,
    '',
    comparisonTable(r, 'TTFB'),
  ];
}

/** Scenario 3. */
export function throughputSection({ throughput: r }: ScenarioResults): string[] {
  if (!r) return [];
  return [
    '## 3. Throughput',
    '',
    `${fixed(r.bytes / 1e6)} MB with the bandwidth limit off, 64 KiB writes; ${r.runs} rounds taking each path in turn, after a warm-up round. MB/s: the median of each path; of plain: the median of the ratios within each round. Every response's SHA-256 matched: ${r.sha256Verified ? 'yes' : 'no'}.`,
    '',
    markdownTable(
      ['path', 'MB/s', 'of plain'],
      [
        ['plain Node http server', fixed(r.plainMBps), '(baseline)'],
        ['function URL', fixed(r.urlMBps), percent(r.urlRatio)],
        [
          'InvokeWithResponseStream (SDK decoder on the raw stream)',
          fixed(r.eventStreamMBps),
          percent(r.eventStreamRatio),
        ],
        [
          'InvokeWithResponseStream through `@aws-sdk/client-lambda`',
          fixed(r.sdkMBps),
          percent(r.sdkRatio),
        ],
      ],
    ),
    '',
    'The client shares the two cores with the emulator and the function, and hashes every byte on every path.',
  ];
}

/** Scenario 4. */
export function memorySection({ memory: r }: ScenarioResults): string[] {
  if (!r) return [];
  const row = (name: string, m: typeof r.fast) => [
    name,
    `${fixed(m.bytes / 1e6)} MB`,
    `${fixed(m.seconds)} s`,
    `${fixed(m.idleMB)} MB`,
    `${fixed(m.peakMB)} MB`,
    `+${fixed(m.growthMB)} MB`,
    `${fixed(m.runtimePeakMB)} MB`,
  ];
  return [
    '## 4. Memory',
    '',
    "The emulator's resident set (VmRSS of its process, sampled every 25 ms) while a function URL streams, bandwidth limit off.",
    '',
    markdownTable(
      ['client', 'response', 'time', 'idle RSS', 'peak RSS', 'growth', 'function process peak'],
      [
        row('reads 1 MB/s', r.slow),
        row('reads as fast as it can', r.fast),
        row('the same, once more', r.fastAgain),
      ],
    ),
    '',
    "A peak includes garbage the collector has not reclaimed yet, so the growth moves from run to run; it does not follow the size of the response or the speed of the client, because the bytes in flight inside the emulator are bounded by its streams' high-water marks (a few 64 KiB chunks).",
  ];
}
