/**
 * Every runtime process the emulator started, so that none outlives it: they are killed when the
 * emulator's process exits, and when it is about to crash on an uncaught exception or rejection
 * (`uncaughtExceptionMonitor` observes without changing the crash). A SIGKILL of the emulator
 * cannot be caught; runtimes then lose their Runtime API connection and exit on their own.
 */
import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();
let hooked = false;

function killAll(): void {
  for (const child of live) {
    try {
      child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
  live.clear();
}

function hookProcessExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', killAll);
  process.on('uncaughtExceptionMonitor', () => {
    // Only when nobody handles it, i.e. the process is really going down.
    if (process.listenerCount('uncaughtException') === 0) killAll();
  });
}

/**
 * Tracks a child process until it exits.
 *
 * @example
 * ```ts
 * trackChild(spawn(node, [bootstrap]));
 * ```
 */
export function trackChild(child: ChildProcess): void {
  hookProcessExit();
  live.add(child);
  child.once('exit', () => live.delete(child));
  child.once('error', () => live.delete(child));
}

/** Number of tracked processes still running (for tests). */
export function liveChildCount(): number {
  return live.size;
}
