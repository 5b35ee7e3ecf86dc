/**
 * What an execution environment hands back to the invocation that holds it: the Runtime API's
 * promises, raced against the end of the runtime process, so nobody waits on a process that is
 * gone.
 */
import type { InitOutcome, RuntimeAnswer } from '../runtime-api/runtime-call.js';

/** How a runtime process ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all (e.g. ENOENT). */
  spawnError?: Error;
}

/** The runtime process ended first. */
export type Exited = { kind: 'exit'; exit: ProcessExit };

/** How a wait for the runtime at `/next` ended. */
export type EnvironmentReady = InitOutcome | Exited;

/** One event in an environment, as the invocation that delivered it follows it. */
export interface EnvironmentCall {
  /** The runtime's response or error, or its end. */
  readonly answer: Promise<RuntimeAnswer | Exited>;
  /** The runtime is done with the event: back at `/next`, or gone. */
  readonly done: Promise<{ kind: 'next' } | Exited>;
}

/** Where a runtime process's output lines go, one call per line. */
export type OutputSink = (stream: 'stdout' | 'stderr', line: string) => void;

/**
 * Settles promises early with the process's end.
 *
 * @example
 * ```ts
 * const watch = new ExitWatch();
 * const answer = watch.race(call.answer); // the answer, or { kind: 'exit', exit }
 * watch.ended({ code: 1, signal: null });
 * ```
 */
export class ExitWatch {
  #exit: ProcessExit | undefined;
  readonly #waiters = new Set<(exit: ProcessExit) => void>();

  /** @returns What `promise` resolves to, or the exit when the process ends first. */
  race<T>(promise: Promise<T>): Promise<T | Exited> {
    const exit = this.#exit;
    if (exit) return Promise.resolve({ kind: 'exit', exit });
    return new Promise((resolve) => {
      // Held only until one of the two settles: a warm environment keeps no waiter per event.
      const onExit = (ended: ProcessExit) => resolve({ kind: 'exit', exit: ended });
      this.#waiters.add(onExit);
      void promise.then((value) => {
        this.#waiters.delete(onExit);
        resolve(value);
      });
    });
  }

  /** The process ended: every pending race settles with it. */
  ended(exit: ProcessExit): void {
    this.#exit = exit;
    for (const waiter of this.#waiters) waiter(exit);
    this.#waiters.clear();
  }
}
