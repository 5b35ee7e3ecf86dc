/** The SHA-256 a correct response of the byte-pattern fixtures must have. */
import { createHash } from 'node:crypto';
import { BLOCK, BLOCK_BYTES } from '../fixtures/bytes/content.mjs';

/**
 * The SHA-256 of `total` bytes of the pattern that fixtures/bytes and the plain server send.
 *
 * @param total - Response size in bytes.
 * @returns Hex digest.
 * @example
 * ```ts
 * expect(timing.sha256).toBe(patternSha256(200_000_000));
 * ```
 */
export function patternSha256(total: number): string {
  const hash = createHash('sha256');
  for (let sent = 0; sent < total; sent += BLOCK_BYTES) {
    hash.update(BLOCK.subarray(0, Math.min(BLOCK_BYTES, total - sent)));
  }
  return hash.digest('hex');
}
