/**
 * Compares two strings in time that depends only on their lengths, not on where they first
 * differ, so that a caller cannot find a signature one character at a time by timing the answer.
 *
 * @param a - One string, e.g. the expected signature.
 * @param b - The other, e.g. the signature received.
 * @returns Whether they are equal.
 * @example
 * ```ts
 * constantTimeEqual(expected, parsed.signature); // false
 * ```
 */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) {
    difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  }
  return difference === 0;
}
