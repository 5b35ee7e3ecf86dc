import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

/** One open question (spec §10), as a run against AWS answered it. */
export interface Observation {
  question: string;
  /** What the client saw on AWS. */
  observed: unknown;
  /** What local-lambda does (its documented choice), for comparison. */
  localChoice: unknown;
  sameAsLocal: boolean;
  /** What else the test saw that helps to read the observation. */
  details?: unknown;
}

/** Where and against what the observations of one test file were made. */
export interface ObservationContext {
  pattern: string;
  testFile: string;
  stack: string;
  region: string;
}

/** Folder, under the repository root, of the per-test-file observation files. */
export const OBSERVATIONS_DIR = 'test-results/e2e-aws-observations';
/** The merged report, under the repository root (git-ignored with the folder). */
export const OBSERVATIONS_REPORT = 'test-results/e2e-aws-observations.json';

/**
 * Collects the observations of one test file and writes them as
 * `test-results/e2e-aws-observations/<pattern>/<test file>.json`.
 *
 * @example
 * ```ts
 * const log = new ObservationLog(context);
 * log.record('spec §10.4: ...', { status: 200, curlExit: 18 }, { status: 200, curlExit: 18 });
 * await log.write(repoRoot);
 * ```
 */
export class ObservationLog {
  readonly #entries: Observation[] = [];

  constructor(readonly context: ObservationContext) {}

  /** Records what was observed next to what local-lambda does. */
  record(question: string, observed: unknown, localChoice: unknown, details?: unknown): void {
    const sameAsLocal = isDeepStrictEqual(observed, localChoice);
    this.#entries.push({
      question,
      observed,
      localChoice,
      sameAsLocal,
      ...(details === undefined ? {} : { details }),
    });
  }

  /** The observations so far. */
  get entries(): readonly Observation[] {
    return this.#entries;
  }

  /** Writes the file; returns its path, or `undefined` when nothing was observed. */
  async write(repoRoot: string): Promise<string | undefined> {
    if (this.#entries.length === 0) return undefined;
    const dir = join(repoRoot, OBSERVATIONS_DIR, this.context.pattern);
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${this.context.testFile}.json`);
    const recordedAt = new Date().toISOString();
    const content = { ...this.context, recordedAt, observations: this.#entries };
    await writeFile(file, `${JSON.stringify(content, null, 2)}\n`);
    return file;
  }
}

/**
 * Removes earlier observations of the given patterns, before a new run against AWS.
 *
 * @param repoRoot - The repository root.
 * @param patterns - Slugs of the patterns about to run.
 * @example
 * ```ts
 * await clearObservations('/repo', ['sdk-invoke']);
 * ```
 */
export async function clearObservations(repoRoot: string, patterns: readonly string[]) {
  await Promise.all(
    patterns.map((pattern) =>
      rm(join(repoRoot, OBSERVATIONS_DIR, pattern), { recursive: true, force: true }),
    ),
  );
}

/**
 * Merges every observation file into one report, {@link OBSERVATIONS_REPORT}: one list,
 * questions that AWS answered differently from local-lambda first.
 *
 * @param repoRoot - The repository root.
 * @returns The report's path, or `undefined` when there were no observations.
 * @example
 * ```ts
 * const report = await mergeObservations('/repo'); // '/repo/test-results/e2e-aws-observations.json'
 * ```
 */
export async function mergeObservations(repoRoot: string): Promise<string | undefined> {
  const files = await observationFiles(join(repoRoot, OBSERVATIONS_DIR));
  if (files.length === 0) return undefined;
  const observations = [];
  for (const file of files) {
    const { observations: entries, ...context } = JSON.parse(await readFile(file, 'utf8'));
    for (const entry of entries as Observation[]) observations.push({ ...context, ...entry });
  }
  observations.sort((a, b) => Number(a.sameAsLocal) - Number(b.sameAsLocal));
  const report = join(repoRoot, OBSERVATIONS_REPORT);
  const generatedAt = new Date().toISOString();
  await writeFile(report, `${JSON.stringify({ generatedAt, observations }, null, 2)}\n`);
  return report;
}

async function observationFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
