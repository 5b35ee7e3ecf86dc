/**
 * `X-Amz-Client-Context` checked as Lambda checks it before invoking: "Up to 3,583 bytes of
 * base64-encoded data" (Invoke API reference), a base64-encoded JSON object.
 *
 * @module
 */
import type { IncomingMessage } from 'node:http';
import { invalidRequestContent } from './api-error.js';

/** The Invoke API reference's limit on `ClientContext`. */
export const MAX_CLIENT_CONTEXT_BYTES = 3583;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Reads and checks `X-Amz-Client-Context`. UNCONFIRMED: the error type and wording Lambda uses
 * (a 400 before invoking is documented behaviour; the text here is the emulator's).
 *
 * @param req - The request.
 * @returns `{ clientContext }` to spread into the invocation, or `{}` when absent.
 * @throws ApiError 400 `InvalidRequestContentException` when too long, not base64, or not JSON.
 * @example
 * ```ts
 * const request = { functionName, payload, ...readClientContext(call.req) };
 * ```
 */
export function readClientContext(req: IncomingMessage): { clientContext?: string } {
  const value = req.headers['x-amz-client-context'];
  if (typeof value !== 'string' || value === '') return {};
  if (Buffer.byteLength(value) > MAX_CLIENT_CONTEXT_BYTES) {
    throw invalidRequestContent(
      `Client context must be at most ${MAX_CLIENT_CONTEXT_BYTES} bytes of base64; got ${Buffer.byteLength(value)} bytes.`,
    );
  }
  if (!BASE64.test(value) || !isJsonObject(Buffer.from(value, 'base64').toString('utf8'))) {
    throw invalidRequestContent('Client context must be a valid Base64-encoded JSON object.');
  }
  return { clientContext: value };
}

function isJsonObject(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}
