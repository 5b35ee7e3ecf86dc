import type { IncomingMessage } from 'node:http';

/** Thrown by {@link readBody} when the body is longer than the limit. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body exceeds ${limit} bytes`);
    this.name = 'BodyTooLargeError';
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
 * @returns The body bytes.
 * @throws {@link BodyTooLargeError} when the body is longer than `limit`.
 * @example
 * ```ts
 * const body = await readBody(req, MAX_PAYLOAD_BYTES);
 * ```
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length <= limit) chunks.push(chunk);
      else if (length > DRAIN_LIMIT) {
        req.pause();
        reject(new BodyTooLargeError(limit));
      }
    });
    req.on('end', () => {
      if (length > limit) reject(new BodyTooLargeError(limit));
      else resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete)
        reject(new Error('The client closed the connection before sending the body'));
    });
  });
}
