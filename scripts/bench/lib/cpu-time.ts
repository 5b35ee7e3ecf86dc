/**
 * CPU time a process (and its children) used, from /proc/<pid>/stat (Linux): the figure that
 * shows whether a scenario is bound by the machine's cores.
 */
import { readFileSync } from 'node:fs';
import { childPids } from './memory.js';

/** CPU time comes in clock ticks of 1/100 s (`getconf CLK_TCK` is 100 on common Linux builds). */
const MS_PER_TICK = 10;

/**
 * User plus system CPU time of a process.
 *
 * @param pid - Process id.
 * @returns Milliseconds; 0 when the process is gone.
 * @example
 * ```ts
 * cpuMs(process.pid);
 * ```
 */
export function cpuMs(pid: number): number {
  try {
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return 0;
  }
}

/** CPU used between `start` and `stop`. */
export interface CpuUsage {
  processMs: number;
  childrenMs: number;
}

/**
 * Starts measuring the CPU time of a process and of its current children.
 *
 * @param pid - The process (the emulator).
 * @returns `stop()`, which returns the CPU time used since.
 * @example
 * ```ts
 * const cpu = measureCpu(emulator.pid);
 * await wave();
 * cpu.stop().childrenMs;
 * ```
 */
export function measureCpu(pid: number): { stop(): CpuUsage } {
  const children = childPids(pid);
  const childrenCpu = () => children.reduce((sum, child) => sum + cpuMs(child), 0);
  const processStart = cpuMs(pid);
  const childrenStart = childrenCpu();
  return {
    stop: () => ({
      processMs: cpuMs(pid) - processStart,
      childrenMs: childrenCpu() - childrenStart,
    }),
  };
}
