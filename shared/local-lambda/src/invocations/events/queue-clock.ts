/**
 * The clock the event queue waits on. The system's by default; tests pass a manual one so the
 * 6-hour event age takes milliseconds.
 *
 * @module
 */

/** Time and timers of the event queue. */
export interface QueueClock {
  /** Milliseconds, any epoch (only differences are used). */
  now(): number;
  /** Runs `run` after `ms`; the returned function cancels it. */
  later(ms: number, run: () => void): () => void;
}

/**
 * The real clock; its timers do not keep the process alive.
 *
 * @example
 * ```ts
 * const cancel = systemClock.later(1000, () => retry());
 * ```
 */
export const systemClock: QueueClock = {
  now: () => Date.now(),
  later(ms, run) {
    const timer = setTimeout(run, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
