/**
 * Every runtime process the emulator started, so that none outlives it. Each runtime leads its
 * own process group, killed whole when the runtime exits (whatever its function spawned goes
 * with it, as when Lambda ends an execution environment). They are all killed when the
 * emulator's process exits, and when it is about to crash on an uncaught exception or rejection
 * (`uncaughtExceptionMonitor` observes without changing the crash). A SIGKILL of the emulator
 * cannot be caught: the runtime reaper, a process of its own, kills them then.
 */
import type { ChildProcess } from 'node:child_process';
import { killProcessGroup } from './process-group.js';
import { forgetRuntime, watchRuntime } from './reaper-link.js';

const live = new Map<ChildProcess, number>();
let hooked = false;

function killAll(): void {
  for (const pid of live.values()) killProcessGroup(pid, 'SIGKILL');
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
 * Tracks a runtime process (spawned `detached`, the leader of its group) until it exits; then
 * kills what is left of its group.
 *
 * @param child - The runtime process.
 * @param warn - The emulator's notices (told once if the reaper is not built).
 * @example
 * ```ts
 * trackChild(spawn(node, [bootstrap], { detached: true }), logger.warn);
 * ```
 */
export function trackChild(child: ChildProcess, warn: (message: string) => void = () => {}): void {
  const { pid } = child;
  if (pid === undefined) return; // the spawn failed: nothing runs
  hookProcessExit();
  live.set(child, pid);
  watchRuntime(pid, live.values(), warn);
  child.once('exit', () => {
    live.delete(child);
    killProcessGroup(pid, 'SIGKILL');
    forgetRuntime(pid);
  });
}

/** Number of tracked processes still running (for tests). */
export function liveChildCount(): number {
  return live.size;
}
