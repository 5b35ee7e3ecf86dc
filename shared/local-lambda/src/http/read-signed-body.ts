/**
 * Reads a request body only as far as its signature allows: the checks that need no body run
 * first (an unsigned, mis-scoped or expired request is refused before a byte of its body is
 * read), the body is held within the emulator-wide {@link unauthenticatedBytes}, and released
 * as soon as its signature is checked.
 */
import type { IncomingMessage } from 'node:http';
import {
  type AuthFailure,
  splitTarget,
  toReceivedRequest,
} from '@lambda-streaming/streaming/protocol';
import type { SigV4Verifier } from '../sigv4/verify-sigv4.js';
import { type HeldBytes, unauthenticatedBytes } from './held-bytes.js';
import { HeldBytesExceededError, readBody } from './read-body.js';

/** The body of an authenticated request, or why there is none. */
export type SignedBody =
  | { ok: true; body: Buffer; accessKeyId: string }
  | { ok: false; failure: AuthFailure };

/**
 * @param req - The request, body unread.
 * @param verify - The front end's verifier.
 * @param limit - Largest body.
 * @param held - The count of unauthenticated bytes (the emulator-wide one by default).
 * @returns The body, or the authentication failure to answer with.
 * @throws `BodyTooLargeError`, `HeldBytesExceededError` (answer 429), or the client went away.
 * @example
 * ```ts
 * const signed = await readSignedBody(req, verify, MAX_PAYLOAD_BYTES);
 * if (!signed.ok) return sendForbidden(res, signed.failure);
 * ```
 */
export async function readSignedBody(
  req: IncomingMessage,
  verify: SigV4Verifier,
  limit: number,
  held: HeldBytes = unauthenticatedBytes,
): Promise<SignedBody> {
  const head = {
    method: req.method ?? 'GET',
    ...splitTarget(req.url ?? '/'),
    rawHeaders: req.rawHeaders,
  };
  const early = verify.head?.(head);
  if (early) return { ok: false, failure: early };
  // A declared length that cannot fit is refused before reading anything.
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared <= limit && declared > held.limit - held.held) {
    throw new HeldBytesExceededError(held.limit);
  }
  const body = await readBody(req, limit, held);
  try {
    const result = await verify(toReceivedRequest(req, body));
    return result.ok ? { ok: true, body, accessKeyId: result.accessKeyId } : result;
  } finally {
    held.give(body.length);
  }
}
