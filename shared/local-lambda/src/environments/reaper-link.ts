/**
 * The emulator's side of the runtime reaper (`runtime-reaper.ts`): started once per emulator
 * process, on the first runtime, in a session of its own and without holding the emulator's
 * event loop. The pipe to it is the link: when the emulator dies, however it dies, the pipe
 * closes and the reaper kills the runtimes it was told about.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The compiled reaper (`src/environments/` and `dist/environments/` are both two levels down). */
export const REAPER_PATH = fileURLToPath(
  new URL('../../dist/environments/runtime-reaper.js', import.meta.url),
);

let reaper: ChildProcess | undefined;
let missingReported = false;

function startReaper(known: Iterable<number>): ChildProcess {
  const child = spawn(process.execPath, [REAPER_PATH], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
    windowsHide: true,
  });
  child.unref();
  child.stdin?.on('error', () => {}); // the reaper is gone: a new one starts with the next runtime
  (child.stdin as Socket | null)?.unref(); // the pipe must not keep the emulator running
  child.once('exit', () => {
    if (reaper === child) reaper = undefined;
  });
  for (const pid of known) child.stdin?.write(`+${pid}\n`);
  return child;
}

/**
 * Tells the reaper about a runtime process, starting the reaper if none runs.
 *
 * @param pid - The runtime's pid (the leader of its process group).
 * @param live - Every runtime still running, this one included (a new reaper learns them all).
 * @param warn - Told once when the reaper is not built, so runtimes would outlive a killed emulator.
 * @example
 * ```ts
 * watchRuntime(child.pid, livePids(), logger.warn);
 * ```
 */
export function watchRuntime(pid: number, live: Iterable<number>, warn: (text: string) => void) {
  if (reaper && reaper.exitCode === null && reaper.signalCode === null) {
    reaper.stdin?.write(`+${pid}\n`);
    return;
  }
  if (!existsSync(REAPER_PATH)) {
    if (!missingReported) {
      missingReported = true;
      warn(
        `${REAPER_PATH} is missing: runtime processes will outlive the emulator if it is killed ` +
          '(run `npm run build -w @lambda-streaming/local-lambda`).',
      );
    }
    return;
  }
  reaper = startReaper(live);
}

/**
 * Tells the reaper that a runtime has exited, so its pid is never signalled again.
 *
 * @example
 * ```ts
 * child.once('exit', () => forgetRuntime(pid));
 * ```
 */
export function forgetRuntime(pid: number): void {
  reaper?.stdin?.write(`-${pid}\n`);
}
