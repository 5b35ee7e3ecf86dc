/** The one error of a runtime client that cannot start: its files are missing or unbuilt. */

/**
 * Thrown when a runtime client's files are missing; the message says what to run.
 *
 * @example
 * ```ts
 * throw new RuntimeClientNotFoundError('The local runtime is not built: run `npm run build`.');
 * ```
 */
export class RuntimeClientNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuntimeClientNotFoundError';
  }
}
