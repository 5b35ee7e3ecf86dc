/**
 * The runtime reaper: a small process the emulator starts beside its runtimes. A SIGKILL of the
 * emulator cannot be caught, and a runtime whose function blocks its event loop never notices
 * that the Runtime API is gone, so the watch lives in a process of its own, in its own session
 * (signals sent to the emulator's process group do not reach it).
 *
 * Protocol on standard input, one line each: `+<pid>` when the emulator starts a runtime, `-<pid>`
 * once it has exited. When standard input ends, the emulator is gone (an exit, a crash, SIGKILL:
 * the kernel closes the pipe either way): every runtime still listed is killed with its process
 * group, then the reaper exits. Run as `node dist/environments/runtime-reaper.js`.
 */
import { killProcessGroup } from './process-group.js';

const runtimes = new Set<number>();
let pending = '';

function apply(line: string): void {
  const pid = Number(line.slice(1));
  if (!Number.isInteger(pid) || pid <= 0) return;
  if (line.startsWith('+')) runtimes.add(pid);
  else if (line.startsWith('-')) runtimes.delete(pid);
}

function reap(): void {
  for (const pid of runtimes) killProcessGroup(pid, 'SIGKILL');
  process.exit(0);
}

process.stdin.setEncoding('utf8');
process.stdin.on('data', (text: string) => {
  const lines = (pending + text).split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) apply(line);
});
process.stdin.on('end', reap);
process.stdin.on('error', reap);
