/**
 * A `/next` that comes while the environment's invocation is still running. aws-lambda-ric 4.x
 * (`nodejs24.x`) asks for the next event without waiting for its failed streaming POST to be
 * answered (it does not await the trailers), so its `/next` can reach the Runtime API before the
 * `/response` is over (or has even started). RAPID accepts that call in its Running state
 * (aws-lambda-runtime-interface-emulator `core/states.go`: `RuntimeRunningState.Ready()`); the
 * emulator holds it and serves it as an ordinary `/next` once the invocation is over.
 */
import type { ServerResponse } from 'node:http';
import type { RuntimeState } from './runtime-states.js';

/** States in which a `/next` is held instead of refused. */
const RUNNING: ReadonlySet<RuntimeState> = new Set(['Running', 'InvocationResponse']);

/**
 * At most one early `/next`, kept until the invocation is over.
 *
 * @example
 * ```ts
 * if (held.hold(state, res)) return; // in the /next route
 * const early = held.take(); // once the response was sent
 * ```
 */
export class HeldNext {
  #res: ServerResponse | undefined;

  /**
   * Holds `res` when an invocation is running and no other `/next` is held yet.
   *
   * @returns Whether it was held (otherwise the caller answers it as usual).
   */
  hold(state: RuntimeState, res: ServerResponse): boolean {
    if (!RUNNING.has(state) || this.#pending()) return false;
    this.#res = res;
    return true;
  }

  /** The held `/next`, if its connection is still open; it is no longer held afterwards. */
  take(): ServerResponse | undefined {
    const res = this.#pending() ? this.#res : undefined;
    this.#res = undefined;
    return res;
  }

  #pending(): boolean {
    return this.#res !== undefined && !this.#res.destroyed;
  }
}
