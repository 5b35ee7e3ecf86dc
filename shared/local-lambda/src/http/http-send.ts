import type { ServerResponse } from 'node:http';

/**
 * Sends a complete JSON response unless the response has already started.
 *
 * @param res - The response.
 * @param status - HTTP status.
 * @param body - Serialised with `JSON.stringify`.
 * @param headers - Extra headers.
 * @example
 * ```ts
 * sendJson(res, 200, { Functions: [] }, { 'x-amzn-RequestId': id });
 * ```
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendBytes(res, status, Buffer.from(JSON.stringify(body)), {
    'Content-Type': 'application/json',
    ...headers,
  });
}

/**
 * Sends a complete response with a known length unless the response has already started.
 *
 * @param res - The response.
 * @param status - HTTP status.
 * @param body - The bytes.
 * @param headers - Headers; `Content-Length` is set here.
 * @example
 * ```ts
 * sendBytes(res, 502, Buffer.from('Internal Server Error'), { 'Content-Type': 'text/plain' });
 * ```
 */
export function sendBytes(
  res: ServerResponse,
  status: number,
  body: Uint8Array,
  headers: Record<string, string | string[]> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Length', body.byteLength);
  res.statusCode = status;
  res.end(body);
}
