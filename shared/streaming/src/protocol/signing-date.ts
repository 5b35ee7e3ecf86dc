/**
 * The date a received request was signed at, and the failures of its headers: one
 * `Authorization` header only, and an `X-Amz-Date` in ISO-8601 basic format.
 *
 * @module
 */
import { parseAmzDate } from './amz-date.js';
import { type AuthFailure, incompleteSignature } from './auth-failure.js';

/**
 * @param rawHeaders - Name, value, name, value… as received.
 * @param name - A lowercase header name.
 * @returns How many times the header was sent.
 * @example
 * ```ts
 * countHeaders(['Authorization', 'a', 'authorization', 'b'], 'authorization'); // 2
 * ```
 */
export function countHeaders(rawHeaders: readonly string[], name: string): number {
  let count = 0;
  for (let index = 0; index < rawHeaders.length; index += 2) {
    if (rawHeaders[index]?.toLowerCase() === name) count += 1;
  }
  return count;
}

/**
 * The message for a request with more than one `Authorization` header (UNCONFIRMED wording: AWS
 * answers `IncompleteSignatureException`; its text for this case is not documented).
 *
 * @example
 * ```ts
 * repeatedAuthorizationMessage(2);
 * ```
 */
export function repeatedAuthorizationMessage(count: number): string {
  return `Authorization header must appear once; the request carries ${count} Authorization headers.`;
}

/**
 * Reads `X-Amz-Date`. A request dated only by `Date` (which AWS also accepts) is refused with a
 * message that says so: the emulator rebuilds signatures with the SDK's signer, which writes
 * `X-Amz-Date` only, and every AWS SDK and curl `--aws-sigv4` send `X-Amz-Date`.
 *
 * @param headers - Canonical header values by lowercase name.
 * @param authorization - The `Authorization` value, quoted in AWS's message.
 * @returns The date in both forms, or the failure.
 * @example
 * ```ts
 * readSigningDate(new Map([['x-amz-date', '20261130T095403Z']]), auth);
 * ```
 */
export function readSigningDate(
  headers: Map<string, string>,
  authorization: string,
): { amzDate: string; signingDate: Date } | AuthFailure {
  const amzDate = headers.get('x-amz-date');
  if (amzDate === undefined) {
    const date = headers.get('date');
    if (date !== undefined) {
      return incompleteSignature(
        `local-lambda reads the signing date from 'X-Amz-Date' only; this request has a 'Date' header ('${date}') and no 'X-Amz-Date'.`,
      );
    }
    return incompleteSignature(
      `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${authorization}`,
    );
  }
  const signingDate = parseAmzDate(amzDate);
  if (signingDate === undefined) {
    return incompleteSignature(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`);
  }
  return { amzDate, signingDate };
}
