/**
 * Where a Node.js runtime stands in Lambda's lifecycle, from `data/lambda-node-runtimes.json`:
 * the dates as AWS gives them, the pages they were read from, and when.
 */
import { readFileSync } from 'node:fs';

/** The data file; `src/functions/` and `dist/functions/` are both two levels down. */
export const RUNTIME_LIFECYCLE_FILE = new URL(
  '../../data/lambda-node-runtimes.json',
  import.meta.url,
);

/** An AWS page the dates were read from. */
export interface LifecycleSource {
  readonly title: string;
  readonly url: string;
}

/** One runtime and its dates, quoted as AWS writes them (`Apr 30, 2026`). */
export interface RuntimeLifecycle {
  readonly runtime: string;
  /** `Node.js 24` */
  readonly name: string;
  readonly deprecation?: string;
  readonly blockFunctionCreate?: string;
  readonly blockFunctionUpdate?: string;
  /** Set for older runtimes whose dates the file does not record. */
  readonly deprecated?: boolean;
  readonly source: LifecycleSource;
}

/** The whole file: when it was read, and every runtime in it, newest first. */
export interface RuntimeLifecycles {
  /** `2026-12-07` */
  readonly read: string;
  readonly runtimes: readonly RuntimeLifecycle[];
}

/** Where a function's runtime stands today. */
export type RuntimeStatus =
  | { readonly kind: 'supported' | 'deprecated'; readonly lifecycle: RuntimeLifecycle }
  | { readonly kind: 'unknown' };

interface LifecycleFile {
  read: string;
  sources: Record<string, LifecycleSource>;
  runtimes: (Omit<RuntimeLifecycle, 'source'> & { source: string })[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Reads a date as AWS's pages write it, `Apr 30, 2026` or `April 30, 2026`, as midnight UTC.
 *
 * @param text - The date as quoted.
 * @returns The date.
 * @throws TypeError for anything else, naming the text.
 * @example
 * ```ts
 * parseAwsDate('Sep 1, 2025').toISOString(); // '2025-09-01T00:00:00.000Z'
 * ```
 */
export function parseAwsDate(text: string): Date {
  const match = /^([A-Z][a-z]+) (\d{1,2}), (\d{4})$/.exec(text);
  const month = MONTHS.indexOf(match?.[1]?.slice(0, 3).toLowerCase() ?? '');
  if (!match || month < 0) throw new TypeError(`"${text}" is not a date like "Apr 30, 2026"`);
  return new Date(Date.UTC(Number(match[3]), month, Number(match[2])));
}

/**
 * Loads and checks the data file: every date must parse and every source must exist, so a
 * mistyped edit fails at start, not in a warning.
 *
 * @param file - The file (default {@link RUNTIME_LIFECYCLE_FILE}).
 * @returns The runtimes, each with its source page.
 * @example
 * ```ts
 * loadRuntimeLifecycles().runtimes[0]?.runtime; // 'nodejs24.x'
 * ```
 */
export function loadRuntimeLifecycles(
  file: URL | string = RUNTIME_LIFECYCLE_FILE,
): RuntimeLifecycles {
  const data = JSON.parse(readFileSync(file, 'utf8')) as LifecycleFile;
  const runtimes = data.runtimes.map((entry) => {
    const source = data.sources[entry.source];
    if (!source) throw new TypeError(`${entry.runtime}: no source "${entry.source}" in ${file}`);
    for (const date of [entry.deprecation, entry.blockFunctionCreate, entry.blockFunctionUpdate]) {
      if (date !== undefined) parseAwsDate(date);
    }
    if (entry.deprecation === undefined && entry.deprecated !== true) {
      throw new TypeError(`${entry.runtime}: give its deprecation date, or "deprecated": true`);
    }
    return { ...entry, source };
  });
  return { read: data.read, runtimes };
}

/**
 * Where a runtime stands on a given day: deprecated from its deprecation date on (or when the
 * file says so without dates), supported before it, unknown when the file does not list it.
 *
 * @param runtime - A function's `Runtime`.
 * @param lifecycles - From {@link loadRuntimeLifecycles}.
 * @param now - The day to judge (default: today).
 * @returns The status, with the runtime's entry when it has one.
 * @example
 * ```ts
 * runtimeStatus('nodejs18.x', loadRuntimeLifecycles()).kind; // 'deprecated'
 * ```
 */
export function runtimeStatus(
  runtime: string,
  lifecycles: RuntimeLifecycles,
  now: Date = new Date(),
): RuntimeStatus {
  const lifecycle = lifecycles.runtimes.find((entry) => entry.runtime === runtime);
  if (!lifecycle) return { kind: 'unknown' };
  const deprecated =
    lifecycle.deprecation === undefined
      ? lifecycle.deprecated === true
      : now.getTime() >= parseAwsDate(lifecycle.deprecation).getTime();
  return { kind: deprecated ? 'deprecated' : 'supported', lifecycle };
}
