#!/usr/bin/env node
// `npm test`: turbo builds, type-checks, lints and tests every workspace, then runs the
// conformance suite on its own, then this prints one
// line of test counts across all packages (also when turbo replayed every task from its cache).
// A failure does not stop the other packages' tests (--continue=dependencies-successful), so
// the counts cover everything that could run.
// Usage: npm test [-- <more turbo options>]   Exit code: turbo's, so the tests' own.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSummary, sumTestCounts } from './test-summary.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const runs = join(root, '.turbo', 'runs');
const tasks = ['build', 'typecheck', 'lint', 'lint:root', 'lint:imports', 'test'];

/** The workspaces that have a test script: each should report counts. */
const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const testScripts = new Set(
  workspaces
    .flatMap((glob) =>
      glob.endsWith('/*')
        ? readdirSync(join(root, glob.slice(0, -2))).map((name) => `${glob.slice(0, -2)}/${name}`)
        : [glob],
    )
    .map((dir) => join(root, dir, 'package.json'))
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, 'utf8')))
    .filter((pkg) => pkg.scripts?.test !== undefined)
    .map((pkg) => pkg.name),
);

/**
 * Runs turbo on `taskNames` and reads the test counts of the run summary it writes (it names every
 * task, its cache status and log file).
 */
function runTurbo(taskNames, tested) {
  const startedAt = Date.now();
  const turbo = spawnSync(
    join(root, 'node_modules', '.bin', 'turbo'),
    [
      'run',
      ...taskNames,
      '--output-logs=errors-only',
      '--continue=dependencies-successful',
      '--summarize',
      ...process.argv.slice(2),
    ],
    { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' },
  );
  if (turbo.error) console.error(`npm test: cannot run turbo: ${turbo.error.message}`);
  const summaryFile = existsSync(runs)
    ? readdirSync(runs)
        .map((name) => join(runs, name))
        .filter((file) => file.endsWith('.json') && statSync(file).mtimeMs >= startedAt - 1000)
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
    : undefined;
  if (summaryFile === undefined) return { status: turbo.status ?? 1, counts: undefined };
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
  const readLog = (logFile) => {
    const path = join(root, logFile);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
  const packages = summary.packages.filter((name) => tested.has(name));
  rmSync(summaryFile); // one per run would pile up; this one has been read
  return { status: turbo.status ?? 1, counts: sumTestCounts(summary, readLog, packages) };
}

const main = runTurbo(tasks, testScripts);
// The conformance suite compares two runtimes' timing-sensitive behaviour (which log lines fall
// inside an invocation, whether a process is reused): it runs alone, once the machine is quiet.
const conformance = runTurbo(['test:conformance'], new Set());
if (main.counts === undefined || conformance.counts === undefined) {
  console.log('No turbo run summary: no test counts');
} else {
  const { totals, missing } = conformance.counts;
  for (const kind of Object.keys(totals)) main.counts.totals[kind] += totals[kind];
  main.counts.missing.push(...missing);
  process.stdout.write(`\n${formatSummary(main.counts)}`);
}
process.exit(main.status || conformance.status);
