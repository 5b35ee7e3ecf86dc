/** How the runtime turns a result into the body of a buffered `/response` (or `/error`). */
import { type NodeRuntime, runtimeSemantics } from '@lambda-streaming/streaming/wire';
import { JSONStringifyError } from '../v4/errors.js';

/**
 * RIC `_trySerializeResponse` (4.x `serializeToJSON`, which throws `Runtime.JSONStringifyError`
 * instead of a plain Error); the native client then rejects a non-string with this TypeError.
 *
 * @param body - The handler's result (`undefined` becomes `null`).
 * @param runtime - Whose error to throw when it cannot be serialised.
 * @returns The JSON text.
 * @example
 * ```ts
 * serializeResponse({ ok: true }, 'nodejs24.x'); // '{"ok":true}'
 * ```
 */
export function serializeResponse(body: unknown, runtime: NodeRuntime): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(body === undefined ? null : body);
  } catch {
    if (runtimeSemantics(runtime).ricVersion === '4.x') throw new JSONStringifyError();
    throw new Error('Unable to stringify response body');
  }
  if (typeof text !== 'string') throw new TypeError('Wrong arguments');
  return text;
}
