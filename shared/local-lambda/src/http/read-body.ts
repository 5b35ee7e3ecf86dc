import type { IncomingMessage } from 'node:http';
import type { HeldBytes } from './held-bytes.js';

/** Thrown by {@link readBody} when the body is longer than the limit. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body exceeds ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** Thrown by {@link readBody} when holding the body would pass the held-bytes limit. */
export class HeldBytesExceededError extends Error {
  constructor(readonly limit: number) {
    super(`Unauthenticated request bodies already hold ${limit} bytes`);
    this.name = 'HeldBytesExceededError';
  }
}

/** Bytes read and thrown away past the limit before giving up on the connection. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/**
 * Reads a request body up to `limit` bytes. A longer body is read to its end and thrown away
 * (up to 64 MiB), so the client finishes sending and can read the 413 that follows; beyond that
 * the caller should close the connection.
 *
 * @param req - The request.
 * @param limit - Largest accepted body.
 * @param held - Counts the bytes kept; the caller gives back `body.length` when done with them.
 * @returns The body bytes.
 * @throws {@link BodyTooLargeError} when the body is longer than `limit`;
 *   {@link HeldBytesExceededError} when `held` is full (what was taken is given back).
 * @example
 * ```ts
 * const body = await readBody(req, MAX_PAYLOAD_BYTES);
 * ```
 */
export function readBody(req: IncomingMessage, limit: number, held?: HeldBytes): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let taken = 0;
    const fail = (error: Error) => {
      held?.give(taken);
      taken = 0;
      chunks.length = 0;
      reject(error);
    };
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length <= limit) {
        if (held && !held.take(chunk.length)) {
          req.pause();
          return fail(new HeldBytesExceededError(held.limit));
        }
        taken += held ? chunk.length : 0;
        chunks.push(chunk);
      } else if (taken > 0) {
        // Over the limit: nothing of it is kept while the rest is drained.
        held?.give(taken);
        taken = 0;
        chunks.length = 0;
      } else if (length > DRAIN_LIMIT) {
        req.pause();
        reject(new BodyTooLargeError(limit));
      }
    });
    req.on('end', () => {
      if (length > limit) fail(new BodyTooLargeError(limit));
      else resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    req.on('error', fail);
    req.on('close', () => {
      if (!req.complete)
        fail(new Error('The client closed the connection before sending the body'));
    });
  });
}
