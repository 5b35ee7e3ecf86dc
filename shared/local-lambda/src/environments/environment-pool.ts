/**
 * The execution environments of every function: warm ones are reused (one invocation at a time
 * each), concurrent invocations get new ones up to `maxConcurrency` in flight in total, idle ones
 * are frozen and reclaimed, and dead ones are dropped so that the next invocation starts a fresh
 * one.
 */
import { DEFAULT_LIFECYCLE, type LifecycleOptions } from '../defaults.js';
import type { LocalFunction } from '../functions/local-function.js';
import type { OutputSink } from './environment-call.js';
import type { ExecutionEnvironment } from './execution-environment.js';
import { CLOSE_GRACE_MS, IdleEnvironments } from './idle-environments.js';

/** An environment held by one invocation. */
export interface Lease {
  env: ExecutionEnvironment;
  /** `true` when the environment was started for this invocation. */
  cold: boolean;
  /** Gives the environment back (idempotent); a dead one is dropped. */
  release(): void;
}

/** How the pool makes environments and where the output of idle ones goes. */
export interface PoolOptions {
  maxConcurrency: number;
  /** Creates and starts an environment for a function. */
  create(fn: LocalFunction): ExecutionEnvironment;
  /** Where an environment nobody holds sends its output lines (the log, untagged). */
  idleOutput(env: ExecutionEnvironment): OutputSink;
  /** Freezing and reclaiming of idle environments; default {@link DEFAULT_LIFECYCLE}. */
  lifecycle?: LifecycleOptions;
}

/**
 * Environments per function.
 *
 * @example
 * ```ts
 * const lease = pool.acquire(fn, (stream, line) => log(stream, line)); // undefined when all are busy
 * // ... when the runtime is back at /next:
 * lease?.release();
 * ```
 */
export class EnvironmentPool {
  private readonly environments = new Map<string, ExecutionEnvironment[]>();
  private readonly leased = new Set<ExecutionEnvironment>();
  private readonly idle: IdleEnvironments;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    this.idle = new IdleEnvironments(options.lifecycle ?? DEFAULT_LIFECYCLE);
  }

  /**
   * Takes an idle environment of the function, or starts one; its output goes to `output`.
   *
   * @returns The lease, or `undefined` when `maxConcurrency` invocations are in flight.
   */
  acquire(fn: LocalFunction, output: OutputSink): Lease | undefined {
    if (this.closed) throw new Error('The invocation service is closed.');
    if (this.leased.size >= this.options.maxConcurrency) return undefined;
    const list = this.environments.get(fn.name) ?? [];
    this.environments.set(fn.name, list);
    const idle = list.find((env) => !this.leased.has(env) && env.waiting);
    const env = idle ?? this.startEnvironment(fn, list);
    this.idle.take(env);
    env.logTo(output);
    this.leased.add(env);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.leased.delete(env);
      if (!env.alive) return;
      env.logTo(this.options.idleOutput(env));
      this.idle.park(env);
    };
    return { env, cold: !idle, release };
  }

  /** Stops every environment: SIGTERM, then SIGKILL after a short grace. */
  async close(graceMs = CLOSE_GRACE_MS): Promise<void> {
    this.closed = true;
    this.idle.clear();
    const all = [...this.environments.values()].flat();
    this.environments.clear();
    await Promise.all(all.map((env) => env.terminate(graceMs)));
  }

  private startEnvironment(fn: LocalFunction, list: ExecutionEnvironment[]): ExecutionEnvironment {
    const env = this.options.create(fn);
    list.push(env);
    void env.exited.then(() => {
      const index = list.indexOf(env);
      if (index >= 0) list.splice(index, 1);
    });
    return env;
  }
}
