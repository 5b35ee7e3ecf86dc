/**
 * What happens to an execution environment that nobody holds, as Lambda does it: it is frozen
 * while its runtime waits at `/next` (timers and promises left pending run only when the next
 * invocation thaws it), and stopped after an idle time, so that the next invocation is a cold
 * start. The thaw itself is the environment's: it happens when the next event is handed over.
 */
import type { LifecycleOptions } from '../defaults.js';
import type { ExecutionEnvironment } from './execution-environment.js';

/** Milliseconds between SIGTERM and SIGKILL when an environment is stopped. */
export const CLOSE_GRACE_MS = 500;

/**
 * The idle environments' freezes and reclaim timers.
 *
 * @example
 * ```ts
 * const idle = new IdleEnvironments({ freeze: true, idleTimeoutSeconds: 300 });
 * idle.park(env); // frozen; stopped in 5 minutes unless taken again
 * idle.take(env); // its timer is cancelled; env.invoke() thaws it
 * ```
 */
export class IdleEnvironments {
  private readonly timers = new Map<ExecutionEnvironment, NodeJS.Timeout>();

  constructor(private readonly options: LifecycleOptions) {}

  /** Nobody holds `env` any more: freeze it (if its runtime waits at `/next`), start its timer. */
  park(env: ExecutionEnvironment): void {
    if (!env.alive) return;
    if (this.options.freeze) env.freeze();
    this.take(env);
    const timer = setTimeout(() => {
      this.timers.delete(env);
      void env.terminate(CLOSE_GRACE_MS);
    }, this.options.idleTimeoutSeconds * 1000);
    timer.unref();
    this.timers.set(env, timer);
  }

  /** `env` is held again: it is no longer reclaimed. */
  take(env: ExecutionEnvironment): void {
    clearTimeout(this.timers.get(env));
    this.timers.delete(env);
  }

  /** Cancels every timer (the pool closes and stops them all itself). */
  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
