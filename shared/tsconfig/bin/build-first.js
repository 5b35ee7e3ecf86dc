#!/usr/bin/env node
// Builds, through turbo, what a workspace's script needs before it runs, so that
// `npm run build -w patterns/x` and `npm test -w patterns/x` work right after `npm ci`:
//   build-first                 this workspace and the workspaces it depends on
//   build-first --dependencies  only the workspaces it depends on (for its own build script)
// turbo's cache makes an up-to-date build a replay of a second or so. Under turbo (TURBO_HASH is
// set in every task it runs) it does nothing: turbo has built them already (dependsOn), and a
// nested turbo would rewrite their dist/ while other tasks read it.
// Prints one line when it built something. Exit code: turbo's (0 when there was nothing to do).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const USAGE = 'Usage: build-first [--dependencies]   (in a workspace folder, from its npm scripts)';
const args = process.argv.slice(2);
if (args.some((arg) => arg !== '--dependencies')) {
  console.error(args.includes('--help') ? USAGE : `build-first: unknown option\n${USAGE}`);
  process.exit(args.includes('--help') ? 0 : 2);
}
if (process.env.TURBO_HASH) process.exit(0);

const { name } = JSON.parse(readFileSync('package.json', 'utf8'));
const filter = args.includes('--dependencies') ? `${name}^...` : `${name}...`;
const turbo = spawnSync(
  'turbo',
  ['run', 'build', `--filter=${filter}`, '--output-logs=errors-only', '--log-order=grouped'],
  { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', shell: process.platform === 'win32' },
);
if (turbo.status !== 0) {
  process.stdout.write(turbo.stdout ?? '');
  console.error(`build-first: turbo run build --filter=${filter} failed`);
  process.exit(turbo.status ?? 1);
}
// Quiet when turbo only replayed its cache, so that the script's own output comes first.
const summary = /Tasks:\s+(\d+) successful.*\n\s*Cached:\s+(\d+) cached/.exec(turbo.stdout ?? '');
if (summary?.[1] !== summary?.[2] || summary === null) {
  console.log(`build-first: built ${filter} (turbo run build)`);
}
