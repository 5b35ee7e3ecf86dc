/**
 * The memory of a runtime's process group, read from `/proc` (Linux only): every process whose
 * process group is the runtime's counts, whatever started it, as every process of a Lambda
 * execution environment counts against its `MemorySize`.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Memory figures of one process, in kB. */
interface ProcessMemory {
  rssKb: number;
  /** The kernel's high-water mark of the process's RSS. */
  peakKb: number;
}

function readStatus(pid: number): ProcessMemory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    const peak = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return { rssKb: Number(rss ?? 0), peakKb: Number(peak ?? 0) };
  } catch {
    return undefined; // gone, or not Linux
  }
}

/**
 * `pid → process group id` of every process, from `/proc/<pid>/stat` (field 5); empty where
 * there is no `/proc`.
 *
 * @example
 * ```ts
 * const groups = processGroups();
 * const members = [...groups].filter(([, group]) => group === child.pid).map(([pid]) => pid);
 * ```
 */
export function processGroups(): Map<number, number> {
  const groups = new Map<number, number>();
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return groups;
  }
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      // The command name (field 2) may hold spaces and parentheses: count after its last `)`.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ', 3);
      groups.set(pid, Number(fields[2]));
    } catch {
      // Ended while being read.
    }
  }
  return groups;
}

/**
 * The memory of a process group: the sum of its processes' RSS, and at least the leader's own
 * peak (the kernel's `VmHWM` catches a spike between two readings).
 *
 * @param leader - The group's leader (a runtime started with `detached: true`).
 * @param groups - {@link processGroups}, read once for every environment sampled together.
 * @returns kB; `undefined` when the leader is gone or `/proc` does not exist.
 * @example
 * ```ts
 * groupMemoryKb(child.pid, processGroups()); // 48212
 * ```
 */
export function groupMemoryKb(leader: number, groups: Map<number, number>): number | undefined {
  const own = readStatus(leader);
  if (!own) return undefined;
  let rssKb = own.rssKb;
  for (const [pid, group] of groups) {
    if (group === leader && pid !== leader) rssKb += readStatus(pid)?.rssKb ?? 0;
  }
  return Math.max(rssKb, own.peakKb);
}

/**
 * The peak RSS of one process (`VmHWM`), in kB: a cheap reading of the leader alone.
 *
 * @example
 * ```ts
 * peakMemoryKb(child.pid); // 47104
 * ```
 */
export function peakMemoryKb(pid: number): number | undefined {
  return readStatus(pid)?.peakKb;
}
