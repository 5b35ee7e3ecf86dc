/**
 * "Wait for an empty event loop", scoped to one invocation. aws-lambda-ric 3.3.0 asks for the
 * next event only on the process's `beforeExit` (unless the handler set
 * `callbackWaitsForEmptyEventLoop = false`); a test runner's event loop is never empty, so the
 * double counts instead what the invocation itself started and what still keeps a loop alive:
 * timers, immediates, sockets, file system and DNS requests. Promises do not keep a loop alive
 * and are not counted. Timers faked by vitest or jest are not real timers and are not seen.
 */
import { AsyncLocalStorage, createHook } from 'node:async_hooks';
import { setImmediate as realSetImmediate, setTimeout as realSetTimeout } from 'node:timers';

/** Async resource types that keep Node's event loop alive while they exist (and are ref'ed). */
const LOOP_KEEPERS = new Set([
  'Timeout',
  'Immediate',
  'TickObject',
  'TCPWRAP',
  'TCPCONNECTWRAP',
  'PIPEWRAP',
  'PIPECONNECTWRAP',
  'UDPWRAP',
  'UDPSENDWRAP',
  'PROCESSWRAP',
  'FSREQCALLBACK',
  'FSREQPROMISE',
  'FSEVENTWRAP',
  'STATWATCHER',
  'GETADDRINFOREQWRAP',
  'GETNAMEINFOREQWRAP',
  'QUERYWRAP',
  'WRITEWRAP',
  'SHUTDOWNWRAP',
]);

/** How often unref'ed handles are looked at again: a handle can be unref'ed without an event. */
const RECHECK_MS = 20;

/**
 * Tracks the loop-keeping resources created inside {@link PendingWork.run}.
 *
 * @example
 * ```ts
 * const work = new PendingWork();
 * work.run(() => setTimeout(flush, 50));
 * await work.drained(); // about 50 ms later
 * work.stop();
 * ```
 */
export class PendingWork {
  readonly #storage = new AsyncLocalStorage<PendingWork>();
  readonly #live = new Map<number, object>();
  readonly #hook = createHook({
    init: (asyncId, type, _triggerAsyncId, resource) => {
      if (LOOP_KEEPERS.has(type) && this.#storage.getStore() === this) {
        this.#live.set(asyncId, resource);
      }
    },
    destroy: (asyncId) => {
      this.#live.delete(asyncId);
    },
  });

  /** Runs `fn` with tracking on: what it (and its continuations) start is counted. */
  run<T>(fn: () => T): T {
    this.#hook.enable();
    return this.#storage.run(this, fn);
  }

  /** `true` while something the invocation started still keeps the loop alive. */
  get busy(): boolean {
    for (const resource of this.#live.values()) {
      const ref = (resource as { hasRef?: () => boolean }).hasRef;
      if (typeof ref !== 'function' || ref.call(resource)) return true;
    }
    return false;
  }

  /** Resolves once nothing counted keeps the loop alive (checked on real timers). */
  drained(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.busy) this.#storage.exit(() => realSetTimeout(check, RECHECK_MS).unref());
        else resolve();
      };
      // After the current turn: a callback that is running right now is not destroyed yet.
      this.#storage.exit(() => realSetImmediate(check));
    });
  }

  /** Turns tracking off; call it once the invocation is over. */
  stop(): void {
    this.#hook.disable();
    this.#live.clear();
  }
}
