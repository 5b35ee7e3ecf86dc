/** The Markdown of scenarios 5 to 7 in latest.md. */
import { fixed, markdownTable, ms } from '../lib/format.js';
import type { ScenarioResults } from '../results.js';
import { comparisonTable } from './scenario-tables.js';

/** Scenario 5. */
export function bandwidthSection({ bandwidth: r }: ScenarioResults): string[] {
  if (!r) return [];
  return [
    '## 5. Bandwidth emulation',
    '',
    `${fixed(r.bytes / 1e6)} MB through a function URL with the default limit, ${r.runs} runs at once (each invocation has its own bucket). The model: the first 6 MiB at full speed (as measured in scenario 3), then 2 MiB/s.`,
    '',
    markdownTable(
      ['measured p50', 'min', 'max', 'model', 'measured / model'],
      [
        [
          `${fixed(r.measuredSeconds.p50)} s`,
          `${fixed(r.measuredSeconds.min)} s`,
          `${fixed(r.measuredSeconds.max)} s`,
          `${fixed(r.modelSeconds)} s`,
          fixed(r.ratio),
        ],
      ],
    ),
    '',
    'The emulator refills its bucket every 125 ms, as RAPID does, so a size that is not a whole number of refills ends up to 125 ms later than the model.',
  ];
}

/** Scenario 6. */
export function coldWarmSection({ coldWarm: r }: ScenarioResults): string[] {
  if (!r) return [];
  return [
    '## 6. Cold and warm invocations',
    '',
    `First invocation of every pattern function through its function URL on a fresh emulator (the runtime process starts, loads the bundle, then the handler writes): time to first byte, ${r.rounds} fresh emulators.`,
    '',
    markdownTable(
      ['pattern', 'function', 'cold TTFB median', 'runs'],
      r.cold.map((c) => [
        c.pattern,
        c.functionName,
        ms(c.medianMs),
        c.ttfbMs.map((t) => fixed(t)).join(', '),
      ]),
    ),
    '',
    `Warm: an empty streaming handler, whole response (TTLB), against the plain server's empty response; ${r.warm.runs} rounds taking each path in turn.`,
    '',
    comparisonTable(r.warm, 'TTLB'),
  ];
}

/** Scenario 7. */
export function concurrencySection({ concurrency: r }: ScenarioResults): string[] {
  if (!r) return [];
  const row = (name: string, wave: typeof r.plain) => [
    name,
    `${wave.completed}/${r.concurrency * wave.waves}`,
    ms(wave.ttfb.p50),
    ms(wave.ttfb.p95),
    ms(wave.ttfb.p99),
    ms(wave.ttfb.max),
  ];
  return [
    '## 7. Concurrency',
    '',
    `${r.concurrency} streaming invocations of ttfb-write sent at once, on an emulator started with \`--max-concurrency ${r.maxConcurrencyFlag}\` (the default, 10, answers 429 beyond). The first wave starts the environments; the ${r.warm.waves} next ones find them warm (their responses together below). Baseline: ${r.concurrency} requests at once for the plain server's first write, ${r.plain.waves} times.`,
    '',
    markdownTable(
      ['wave', 'complete', 'TTFB p50', 'p95', 'p99', 'max'],
      [
        row('plain Node http server', r.plain),
        row('local-lambda, warm', r.warm),
        row('local-lambda, cold (starts 50 runtimes)', r.cold),
      ],
    ),
    '',
    `Runtime processes: ${r.environments.before} before the warm waves, ${r.environments.after} after${r.environments.after > r.environments.before ? ' (some invocations found no idle environment and started one)' : ''}. Peak RSS during the warm waves: emulator ${fixed(r.emulatorPeakMB)} MB; the ${r.concurrency} function processes together ${fixed(r.runtimesPeakMB)} MB.`,
    '',
    `CPU time of a warm wave, from the requests to the last first byte (median of the waves): emulator ${fixed(r.warmCpu.processMs)} ms, the ${r.concurrency} function processes ${fixed(r.warmCpu.childrenMs)} ms, on ${r.cores} cores (${fixed((r.warmCpu.processMs + r.warmCpu.childrenMs) / r.cores)} ms of wall time at the least).`,
  ];
}
