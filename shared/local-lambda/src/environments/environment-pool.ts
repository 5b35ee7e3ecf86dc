/**
 * The execution environments of every function: warm ones are reused (one invocation at a time
 * each), concurrent invocations get new ones up to `maxConcurrency` in flight in total, and dead
 * ones are dropped so that the next invocation starts a fresh one.
 */

import type { LocalFunction } from '../functions/local-function.js';
import { TooManyRequestsError } from '../invocations/contracts.js';
import type { EnvironmentListener, ExecutionEnvironment } from './execution-environment.js';

/** An environment held by one invocation. */
export interface Lease {
  env: ExecutionEnvironment;
  /** `true` when the environment was started for this invocation. */
  cold: boolean;
  /** Gives the environment back (idempotent); a dead one is dropped. */
  release(): void;
}

/** How the pool makes environments and what idle ones report to. */
export interface PoolOptions {
  maxConcurrency: number;
  /** Creates and starts an environment for a function, reporting to `listener`. */
  create(fn: LocalFunction, listener: EnvironmentListener): ExecutionEnvironment;
  /** The listener of an environment nobody holds (prints its output, notes its exit). */
  idleListener(env: ExecutionEnvironment): EnvironmentListener;
}

/** Milliseconds between SIGTERM and SIGKILL when the pool closes. */
export const CLOSE_GRACE_MS = 500;

/**
 * Environments per function.
 *
 * @example
 * ```ts
 * const lease = pool.acquire(fn); // throws TooManyRequestsError when all are busy
 * lease.env.setListener(invocation);
 * // ... when the runtime is back at /next:
 * lease.release();
 * ```
 */
export class EnvironmentPool {
  private readonly environments = new Map<string, ExecutionEnvironment[]>();
  private readonly leased = new Set<ExecutionEnvironment>();
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  /** Invocations in flight. */
  get busyCount(): number {
    return this.leased.size;
  }

  /** Every live environment of a function (for tests and diagnostics). */
  environmentsOf(functionName: string): readonly ExecutionEnvironment[] {
    return this.environments.get(functionName) ?? [];
  }

  /**
   * Takes an idle environment of the function, or starts one.
   *
   * @throws TooManyRequestsError when `maxConcurrency` invocations are in flight.
   */
  acquire(fn: LocalFunction, listener: EnvironmentListener): Lease {
    if (this.closed) throw new Error('The invocation service is closed.');
    if (this.leased.size >= this.options.maxConcurrency) {
      throw new TooManyRequestsError(this.options.maxConcurrency);
    }
    const list = this.environments.get(fn.name) ?? [];
    this.environments.set(fn.name, list);
    const idle = list.find((env) => !this.leased.has(env) && env.waiting);
    const env = idle ?? this.startEnvironment(fn, list, listener);
    if (idle) idle.setListener(listener);
    this.leased.add(env);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.leased.delete(env);
      if (env.alive) env.setListener(this.options.idleListener(env));
    };
    return { env, cold: !idle, release };
  }

  /** Stops every environment: SIGTERM, then SIGKILL after a short grace. */
  async close(graceMs = CLOSE_GRACE_MS): Promise<void> {
    this.closed = true;
    const all = [...this.environments.values()].flat();
    this.environments.clear();
    await Promise.all(all.map((env) => env.terminate(graceMs)));
  }

  private startEnvironment(
    fn: LocalFunction,
    list: ExecutionEnvironment[],
    listener: EnvironmentListener,
  ): ExecutionEnvironment {
    const env = this.options.create(fn, listener);
    list.push(env);
    void env.exited.then(() => {
      const index = list.indexOf(env);
      if (index >= 0) list.splice(index, 1);
    });
    return env;
  }
}
