/**
 * `MemorySize`, enforced as Lambda does: an environment whose processes together use more is
 * stopped. A process limit (RLIMIT_AS) would break V8, which reserves far more address space
 * than it uses, so the memory is sampled instead: every environment that runs (not frozen) is
 * read on one shared timer. Which processes belong to which group takes a pass over all of
 * `/proc`, so it is read once for every environment and at most every {@link GROUP_SCAN_MS}.
 */
import { MEMORY_SAMPLE_MS } from '../defaults.js';
import { groupMemoryKb, peakMemoryKb, processGroups } from './process-memory.js';

/** How often the group of every process is read again (a process started since counts then). */
export const GROUP_SCAN_MS = 1000;

const running = new Set<MemoryWatch>();
let timer: NodeJS.Timeout | undefined;
let groups = new Map<number, number>();
let groupsReadAt = Number.NEGATIVE_INFINITY;

function sampleAll(): void {
  if (performance.now() - groupsReadAt >= GROUP_SCAN_MS) {
    groups = processGroups();
    groupsReadAt = performance.now();
  }
  for (const watch of running) watch.sample(groups);
}

/**
 * The memory of one environment's process group: its peak, and a call when it exceeds the limit.
 *
 * @example
 * ```ts
 * const watch = new MemoryWatch(128, () => killProcessGroup(pid, 'SIGKILL'));
 * watch.start(pid); // sampled from now on
 * watch.pause(); // frozen: nothing can grow
 * watch.peakMb; // 47
 * ```
 */
export class MemoryWatch {
  private leader: number | undefined;
  private peakKb = 0;
  private exceeded = false;

  /**
   * @param limitMb - The function's `MemorySize`.
   * @param onExceeded - Called once, when the group's memory goes over the limit.
   */
  constructor(
    private readonly limitMb: number,
    private readonly onExceeded: () => void,
  ) {}

  /** The highest reading so far, in MB (rounded up, as Lambda's `Max Memory Used`). */
  get peakMb(): number {
    return Math.ceil(this.peakKb / 1024);
  }

  /** `true` once the limit was exceeded. */
  get outOfMemory(): boolean {
    return this.exceeded;
  }

  /** Starts sampling the group led by `leader`. */
  start(leader: number): void {
    this.leader = leader;
    this.resume();
  }

  /** Samples again (after a thaw). */
  resume(): void {
    if (this.leader === undefined || process.platform !== 'linux') return;
    running.add(this);
    if (!timer) {
      timer = setInterval(sampleAll, MEMORY_SAMPLE_MS);
      timer.unref();
    }
  }

  /** The process is gone: its pid is never read again (it may be another process's soon). */
  stop(): void {
    this.leader = undefined;
    this.pause();
  }

  /** Stops sampling (frozen). */
  pause(): void {
    running.delete(this);
    if (running.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  }

  /**
   * Reads the leader's peak now, between two samples (cheap: one file).
   *
   * @returns `false` when the limit is exceeded (`onExceeded` has been called).
   */
  check(): boolean {
    if (this.leader !== undefined) this.record(peakMemoryKb(this.leader));
    return !this.exceeded;
  }

  /** One reading of the whole group, with `/proc`'s groups read once for every watch. */
  sample(groups: Map<number, number>): void {
    if (this.leader !== undefined) this.record(groupMemoryKb(this.leader, groups));
  }

  private record(kb: number | undefined): void {
    if (kb === undefined) return;
    this.peakKb = Math.max(this.peakKb, kb);
    if (this.exceeded || kb <= this.limitMb * 1024) return;
    this.exceeded = true;
    this.pause();
    this.onExceeded();
  }
}
