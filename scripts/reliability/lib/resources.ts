/**
 * The emulator's resources as the reliability run samples them: resident memory of its process
 * and of its runtime processes, its open file descriptors, and how many runtime processes it has.
 */
import { readdirSync } from 'node:fs';
import { childPids, rssBytes } from '../../bench/lib/memory.js';

/** One sample. */
export interface ResourceSample {
  /** The emulator process, MB. */
  rssMB: number;
  /** Its runtime processes together, MB. */
  runtimesRssMB: number;
  fds: number;
  runtimes: number;
}

const MB = 1_000_000;

/**
 * @param pid - The emulator's process id.
 * @returns Its figures now.
 * @example
 * ```ts
 * sampleResources(emulator.pid).rssMB;
 * ```
 */
export function sampleResources(pid: number): ResourceSample {
  const children = childPids(pid);
  let fds = 0;
  try {
    fds = readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    fds = 0;
  }
  const runtimesRss = children.reduce((sum, child) => sum + rssBytes(child), 0);
  return {
    rssMB: round(rssBytes(pid) / MB),
    runtimesRssMB: round(runtimesRss / MB),
    fds,
    runtimes: children.length,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
