/**
 * Runtime processes start as the leaders of their own process groups (`detached`), so that one
 * signal reaches a runtime and every process its function started, as the end of a Lambda
 * execution environment ends them all.
 */

/**
 * Sends a signal to a process group; to its leader alone when there is no such group (the
 * process is no leader, or groups do not exist, as on Windows). Processes already gone are
 * ignored.
 *
 * @param pid - The group's leader: a runtime process started with `detached: true`.
 * @param signal - The signal to send.
 * @example
 * ```ts
 * killProcessGroup(child.pid, 'SIGKILL'); // the runtime and whatever its function spawned
 * ```
 */
export function killProcessGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
    return;
  } catch {
    // No such group: try the process itself.
  }
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}
