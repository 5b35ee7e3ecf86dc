/**
 * The error a response stream throws when it is used in a way the runtime forbids, such as
 * `setContentType` after the first write. Its `name` is the one RIC gives it
 * (`src/Errors.js`), because that name becomes the `Lambda-Runtime-Function-Error-Type`
 * trailer and so the client-visible error code.
 *
 * @example
 * ```ts
 * throw new InvalidStreamingOperation('Cannot set content-type, too late.');
 * ```
 */
export class InvalidStreamingOperation extends Error {}
// On the prototype, as RIC sets it: not an own property, so the `Invoke Error` log line (which
// copies an error's own enumerable properties) shows no `name` member.
InvalidStreamingOperation.prototype.name = 'Runtime.InvalidStreamingOperation';

/**
 * Thrown by the prelude decoder when the bytes before the delimiter are not a JSON object.
 *
 * @example
 * ```ts
 * try { decodeHttpPrelude(bytes); } catch (e) { if (e instanceof PreludeError) reply502(); }
 * ```
 */
export class PreludeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreludeError';
  }
}
