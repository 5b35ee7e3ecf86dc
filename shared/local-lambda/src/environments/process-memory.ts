/**
 * A runtime process's peak memory, for the REPORT line's `Max Memory Used`.
 */
import { readFileSync } from 'node:fs';

/**
 * The peak resident set size of a process in MB (rounded up), from `VmHWM` in
 * `/proc/<pid>/status` on Linux. Elsewhere, or once the process is gone: `undefined`.
 *
 * @example
 * ```ts
 * peakMemoryMb(child.pid); // 47
 * ```
 */
export function peakMemoryMb(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Math.ceil(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}
