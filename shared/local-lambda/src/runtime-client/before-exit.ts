/**
 * The single `beforeExit` action of the runtime (RIC `src/BeforeExitListener.js`). Node emits
 * `beforeExit` when the event loop is empty; the runtime uses that moment to finish an
 * invocation that waits for an empty event loop, then asks for the next one.
 */

// The same global symbol as RIC.
const LISTENER_SYMBOL = Symbol.for('aws.lambda.beforeExit');
const globalStore = globalThis as unknown as Record<symbol, () => void>;
const noOp = (): void => {};

/**
 * Holds what to do when the event loop empties.
 *
 * @example
 * ```ts
 * process.on('beforeExit', beforeExitListener.invoke);
 * beforeExitListener.set(() => runtime.scheduleIteration());
 * ```
 */
export const beforeExitListener = {
  /** Runs the current action (registered on `process.on('beforeExit')`). */
  invoke: (): void => {
    (globalStore[LISTENER_SYMBOL] ?? noOp)();
  },
  /** Makes the action a no-op. */
  reset: (): void => {
    globalStore[LISTENER_SYMBOL] = noOp;
  },
  /** Replaces the action. */
  set: (listener: () => void): void => {
    globalStore[LISTENER_SYMBOL] = listener;
  },
};
