/**
 * Resident memory of a process and of its children, read from /proc (Linux), sampled while a
 * scenario runs. The emulator runs in its own process, so its memory is apart from the client's.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Memory is reported in MB (10^6 bytes), the unit of the targets. */
const MB = 1_000_000;

/**
 * A process's resident set size.
 *
 * @param pid - Process id.
 * @returns `VmRSS` in bytes; 0 when the process is gone.
 * @example
 * ```ts
 * rssBytes(process.pid);
 * ```
 */
export function rssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return statusField(status, 'VmRSS');
  } catch {
    return 0;
  }
}

/**
 * Reads a `kB` field of /proc/<pid>/status.
 *
 * @param status - The file's text.
 * @param field - `VmRSS`, `VmHWM`, ...
 * @returns Bytes; 0 when absent.
 * @example
 * ```ts
 * statusField('VmRSS:\t  2048 kB\n', 'VmRSS'); // 2097152
 * ```
 */
export function statusField(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/**
 * The direct children of a process (the emulator's runtime processes).
 *
 * @param pid - Process id.
 * @returns Child pids; none when the process is gone.
 * @example
 * ```ts
 * childPids(emulator.pid);
 * ```
 */
export function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
        .split(/\s+/)
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    return [];
  }
}

/** Peaks seen by a sampler, in MB. */
export interface MemoryPeaks {
  /** The process itself. */
  peakMB: number;
  /** Its children together (runtime processes), at their highest sample. */
  childrenPeakMB: number;
  samples: number;
}

/** A running sampler. */
export interface MemorySampler {
  stop(): MemoryPeaks;
}

/**
 * Samples a process's RSS (and its children's) every few milliseconds until stopped.
 *
 * @param pid - The process to watch.
 * @param intervalMs - Sampling period.
 * @returns The sampler; `stop()` returns the peaks.
 * @example
 * ```ts
 * const sampler = sampleMemory(emulator.pid);
 * await run();
 * sampler.stop().peakMB;
 * ```
 */
export function sampleMemory(pid: number, intervalMs = 25): MemorySampler {
  let peak = 0;
  let childrenPeak = 0;
  let samples = 0;
  const sample = () => {
    samples += 1;
    peak = Math.max(peak, rssBytes(pid));
    const children = childPids(pid).reduce((sum, child) => sum + rssBytes(child), 0);
    childrenPeak = Math.max(childrenPeak, children);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { peakMB: peak / MB, childrenPeakMB: childrenPeak / MB, samples };
    },
  };
}

/**
 * RSS of an idle process: the lowest of a few samples.
 *
 * @param pid - The process.
 * @param samples - How many samples to take, 20 ms apart.
 * @returns MB.
 * @example
 * ```ts
 * const idle = await idleRssMB(emulator.pid);
 * ```
 */
export async function idleRssMB(pid: number, samples = 5): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    values.push(rssBytes(pid));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Math.min(...values) / MB;
}
