/**
 * What the Runtime API hands back to the environment that owns it: not callbacks but promises,
 * one for the end of Init and two per event delivered (the runtime's answer, and its next `/next`).
 */
import { performance } from 'node:perf_hooks';
import type { FunctionError } from '../functions/function-error.js';
import type { RuntimeResponse } from './runtime-response.js';

/** How Init ended: the runtime waits at `/next`, or it posted `/init/error`. */
export type InitOutcome = { kind: 'ready' } | { kind: 'init-error'; error: FunctionError };

/** The runtime's answer to an event: its `/response` (a stream), or an error it or RAPID made. */
export type RuntimeAnswer =
  | { kind: 'response'; response: RuntimeResponse }
  | { kind: 'error'; error: FunctionError };

/** One event delivered to the runtime, as the environment follows it. */
export interface RuntimeCall {
  /** Resolves with the runtime's answer; never rejects. */
  readonly answer: Promise<RuntimeAnswer>;
  /** Resolves when the runtime asks `/next` again: it is done with this event. */
  readonly next: Promise<void>;
}

/**
 * A value that arrives later, settled from outside (Node.js 20 has no `Promise.withResolvers`).
 *
 * @example
 * ```ts
 * const ready = new Later<void>();
 * void ready.promise.then(() => console.log('ready'));
 * ready.resolve();
 * ```
 */
export class Later<T> {
  readonly promise: Promise<T>;
  resolve: (value: T) => void = () => {};

  constructor() {
    this.promise = new Promise((resolve) => {
      this.resolve = resolve;
    });
  }
}

/**
 * The promises of the event in flight, settled by the server as the runtime calls it.
 *
 * @example
 * ```ts
 * const call = new PendingCall(); // when /next is answered with the event
 * call.answered({ kind: 'error', error }); // at the runtime's /error
 * call.nextCalled(); // at its next /next
 * ```
 */
export class PendingCall implements RuntimeCall {
  readonly #answer = new Later<RuntimeAnswer>();
  readonly #next = new Later<void>();
  readonly answer = this.#answer.promise;
  readonly next = this.#next.promise;

  /** The runtime answered (the first answer counts; RAPID's states allow only one). */
  answered(answer: RuntimeAnswer): void {
    this.#answer.resolve(answer);
  }

  /** The runtime is back at `/next`. */
  nextCalled(): void {
    this.#next.resolve();
  }
}

const READY: InitOutcome = { kind: 'ready' };

/**
 * When the runtime is ready for an event: who waits for it, and how its Init went.
 *
 * @example
 * ```ts
 * const readiness = new Readiness();
 * const ready = readiness.wait(false); // pending until the runtime calls /next
 * readiness.atNext(); // ready resolves { kind: 'ready' }
 * ```
 */
export class Readiness {
  /** `performance.now()` of the first `/next`: where Init ended. */
  firstNextAt: number | undefined;
  #initError: InitOutcome | undefined;
  readonly #waiters: ((outcome: InitOutcome) => void)[] = [];

  /** @param waitingNow - Whether a `/next` waits right now. */
  wait(waitingNow: boolean): Promise<InitOutcome> {
    if (waitingNow) return Promise.resolve(READY);
    if (this.#initError) return Promise.resolve(this.#initError);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** The runtime called `/next`. */
  atNext(): void {
    this.firstNextAt ??= performance.now();
    this.#settle(READY);
  }

  /** The runtime posted `/init/error`. */
  initFailed(error: FunctionError): void {
    this.#initError = { kind: 'init-error', error };
    this.#settle(this.#initError);
  }

  #settle(outcome: InitOutcome): void {
    for (const resolve of this.#waiters.splice(0)) resolve(outcome);
  }
}
