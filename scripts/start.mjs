#!/usr/bin/env node
// `npm start`: builds every pattern, then serves all of them with local-lambda, templates in
// workshop order so that function URL ports stay the same from run to run.
// It stops everything it started (the build, the emulator and the emulator's runtime processes)
// on SIGINT, SIGTERM or SIGHUP, when the emulator exits, and when its own parent dies (npm
// killed, even with SIGKILL: it notices that it was re-parented). Before starting, it checks
// every port the emulator needs and names the busy ones with the command that moves them.
// Usage: npm start [-- <extra local-lambda start options>]   Exit code: local-lambda's.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { patternsInOrder } from './pattern-folders.mjs';
import { busyPortsMessage, portOptions } from './start-ports.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = join(root, 'shared/local-lambda/bin/local-lambda.js');
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** How long the emulator gets to stop its runtimes before they are killed. */
const GRACE_MS = 5000;

const patternTemplates = () => patternsInOrder(root).map((pattern) => pattern.template);

/** The child running now (the build, then the emulator), and whether we are stopping. */
const state = { child: undefined, stopping: false };

/** Signals the child's whole process group: the emulator runs in its own, with its runtimes. */
function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is gone already.
  }
}

function stop(reason) {
  if (state.stopping) return;
  state.stopping = true;
  const { child } = state;
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) {
    process.exit(0);
  }
  signalGroup(child, reason === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
  setTimeout(() => signalGroup(child, 'SIGKILL'), GRACE_MS).unref();
}

for (const signal of SIGNALS) process.on(signal, () => stop(signal));

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** The parent's parent: npm, when npm runs this through `sh -c`. */
function grandparent() {
  if (process.platform === 'win32') return undefined;
  const ps = spawnSync('ps', ['-o', 'ppid=', '-p', String(process.ppid)], { encoding: 'utf8' });
  const pid = Number(ps.stdout?.trim());
  return Number.isInteger(pid) && pid > 1 ? pid : undefined;
}

// npm runs this through `sh -c`: when npm dies (even by SIGKILL) the shell is re-parented and
// this process is not, so watch both; a dead parent re-parents this process itself.
const parent = process.ppid;
const npm = grandparent();
setInterval(() => {
  if (process.ppid !== parent || (npm !== undefined && !isAlive(npm))) stop('parent exited');
}, 250).unref();

/** Runs a child in its own process group; resolves with its exit code. */
function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', detached: true });
  state.child = child;
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      signalGroup(child, 'SIGKILL'); // whatever it left behind in its group (runtimes)
      resolve(code ?? (signal ? 0 : 1));
    });
  });
}

async function urlCount(templates) {
  const samTemplate = join(root, 'shared/sam-template/dist/index.js');
  const { loadTemplate } = await import(pathToFileURL(samTemplate).href);
  const loaded = await Promise.all(templates.map((template) => loadTemplate(join(root, template))));
  const urls = loaded.flatMap((template) => template.functions).filter((fn) => fn.functionUrl);
  return { urls: urls.length, restApis: loaded.flatMap((template) => template.restApis).length };
}

async function main() {
  // Under turbo (a test of this script), turbo has built everything already.
  if (!process.env.TURBO_HASH) {
    const turbo = join(root, 'node_modules/.bin/turbo');
    const built = await run(turbo, ['run', 'build', '--output-logs=errors-only']);
    if (built !== 0 || state.stopping) return built;
  }
  const extra = process.argv.slice(2);
  const options = portOptions(extra);
  const templates = patternTemplates();
  const counts = await urlCount([...templates, ...options.templates]);
  const busy = await busyPortsMessage(options, counts.urls, counts.restApis);
  if (busy !== undefined) {
    console.error(busy);
    return 1;
  }
  if (state.stopping) return 0;
  const templateArgs = templates.flatMap((template) => ['--template', template]);
  return run(process.execPath, [cli, 'start', ...templateArgs, ...extra]);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`npm start: ${error.stack ?? error}`);
    process.exit(1);
  },
);
