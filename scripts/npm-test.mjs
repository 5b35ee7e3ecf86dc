#!/usr/bin/env node
// `npm test`: turbo builds, type-checks, lints and tests every workspace, then this prints one
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

const startedAt = Date.now();
const turbo = spawnSync(
  join(root, 'node_modules', '.bin', 'turbo'),
  [
    'run',
    ...tasks,
    '--output-logs=errors-only',
    '--continue=dependencies-successful',
    '--summarize',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' },
);
if (turbo.error) console.error(`npm test: cannot run turbo: ${turbo.error.message}`);
const status = turbo.status ?? 1;

// The run summary turbo has just written (it names every task, its cache status and log file).
const summaryFile = existsSync(runs)
  ? readdirSync(runs)
      .map((name) => join(runs, name))
      .filter((file) => file.endsWith('.json') && statSync(file).mtimeMs >= startedAt - 1000)
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
  : undefined;
if (summaryFile === undefined) {
  console.log('No turbo run summary: no test counts');
} else {
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
  const readLog = (logFile) => {
    const path = join(root, logFile);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
  const tested = summary.packages.filter((name) => testScripts.has(name));
  process.stdout.write(`\n${formatSummary(sumTestCounts(summary, readLog, tested))}`);
  rmSync(summaryFile); // one per run would pile up; this one has been read
}
process.exit(status);
