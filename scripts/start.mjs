#!/usr/bin/env node
// `npm start`: builds every pattern, then serves all of them with local-lambda, templates in
// workshop order so that function URL ports stay the same from run to run.
// Usage: npm start [-- <extra local-lambda start options>]   Exit code: local-lambda's.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { patternsInOrder } from './pattern-folders.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = join(root, 'shared/local-lambda/bin/local-lambda.js');

const patternTemplates = () => patternsInOrder(root).map((pattern) => pattern.template);

const build = spawnSync('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const templateArgs = patternTemplates().flatMap((template) => ['--template', template]);
const child = spawn(process.execPath, [cli, 'start', ...templateArgs, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
