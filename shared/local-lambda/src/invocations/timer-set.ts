/**
 * Timers that belong to one owner and are cleared together.
 */

/**
 * A set of timeouts.
 *
 * @example
 * ```ts
 * const timers = new TimerSet();
 * timers.later(100, () => giveUp());
 * timers.clear();
 * ```
 */
export class TimerSet {
  private readonly timers = new Set<NodeJS.Timeout>();

  /** Runs `run` after `ms` unless the set is cleared first. */
  later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  /** Cancels every pending timeout. */
  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
