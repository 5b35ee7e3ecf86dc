// Test counts across every package of a turbo run, for the one line `npm test` ends with.
// turbo writes each task's output to a log file (and restores it when it replays the task from
// its cache), and its run summary (`--summarize`) says which tasks it replayed; vitest ends each
// package's output with `Tests  2 failed | 89 passed | 1 skipped (92)`.

import { stripVTControlCharacters } from 'node:util';

/**
 * Reads the counts from the last `Tests` line of one package's vitest output.
 *
 * @param {string} log - The task's output.
 * @returns {{ passed: number, failed: number, skipped: number } | undefined} The counts, or
 *   undefined when the output has no such line (vitest did not get as far).
 * @example
 * countTests(' Tests  2 failed | 89 passed (91)'); // { passed: 89, failed: 2, skipped: 0 }
 */
export function countTests(log) {
  const lines = stripVTControlCharacters(log).split('\n');
  const line = lines.findLast((text) => /^\s*Tests\s{2,}/.test(text));
  if (line === undefined) return undefined;
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const [, count, kind] of line.matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
    counts[kind === 'todo' ? 'skipped' : kind] += Number(count);
  }
  return counts;
}

/** `test` and the suites that run after it on their own, such as `test:conformance`. */
const isTestTask = (task) => task === 'test' || (task.startsWith('test:') && task !== 'test:watch');

/**
 * Sums the test counts of the `test` tasks of a turbo run summary.
 *
 * @param {{ tasks: Array<{ taskId: string, task: string, package: string, logFile: string,
 *   cache: { status: string }, execution?: { exitCode?: number | null } }> }} summary - turbo's
 *   `.turbo/runs/<id>.json`.
 * @param {(logFile: string) => string | undefined} readLog - Reads a task's log (undefined: none).
 * @param {readonly string[]} [tested] - Packages that have tests: one that reports no counts
 *   (turbo did not run it, after a failure it depends on) is named as missing.
 * @returns {{ totals: { passed: number, failed: number, skipped: number }, packages: number,
 *   replayed: number, missing: string[] }} The sums, how many packages counted, how many of those
 *   turbo replayed from its cache, and the packages whose counts could not be read.
 * @example
 * const result = sumTestCounts(JSON.parse(readFileSync(summaryFile, 'utf8')), readLogFile);
 */
export function sumTestCounts(summary, readLog, tested = []) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  let packages = 0;
  let replayed = 0;
  const missing = [];
  for (const task of summary.tasks.filter((entry) => isTestTask(entry.task))) {
    const log = task.execution ? readLog(task.logFile) : undefined;
    const counts = log === undefined ? undefined : countTests(log);
    if (counts === undefined) {
      missing.push(task.package);
      continue;
    }
    packages += 1;
    if (task.cache.status === 'HIT') replayed += 1;
    for (const kind of Object.keys(totals)) totals[kind] += counts[kind];
  }
  const seen = new Set(
    summary.tasks.filter((entry) => isTestTask(entry.task)).map((t) => t.package),
  );
  missing.push(...tested.filter((name) => !seen.has(name)));
  return { totals, packages, replayed, missing };
}

/**
 * The two lines `npm test` ends with: where the counts come from, then the counts alone on their
 * line (CI parses exactly `N passed, N failed, N skipped`).
 *
 * @param {ReturnType<typeof sumTestCounts>} result - From {@link sumTestCounts}.
 * @returns {string} Two lines, ending with a newline.
 * @example
 * formatSummary(sumTestCounts(summary, readLog));
 * // 'Tests of 10 packages (3 replayed from turbo\'s cache)\n740 passed, 0 failed, 2 skipped\n'
 */
export function formatSummary({ totals, packages, replayed, missing }) {
  const cache =
    replayed === 0
      ? 'all run now'
      : replayed === packages
        ? `all ${packages} replayed from turbo's cache: counts of their last run, nothing changed since`
        : `${replayed} replayed from turbo's cache, ${packages - replayed} run now`;
  const notRead = missing.length === 0 ? '' : `; no counts from ${missing.join(', ')} (not run)`;
  const { passed, failed, skipped } = totals;
  return `Tests of ${packages} packages (${cache})${notRead}\n${passed} passed, ${failed} failed, ${skipped} skipped\n`;
}
