import { randomBytes } from 'node:crypto';

/**
 * A new X-Ray trace header, as Lambda's and API Gateway's front ends add to each request.
 *
 * @returns `Root=1-<epoch hex>-<24 hex>`.
 * @example
 * ```ts
 * newTraceId(); // 'Root=1-6745c1a0-0123456789abcdef01234567'
 * ```
 */
export function newTraceId(): string {
  const epoch = Math.floor(Date.now() / 1000).toString(16);
  return `Root=1-${epoch}-${randomBytes(12).toString('hex')}`;
}
