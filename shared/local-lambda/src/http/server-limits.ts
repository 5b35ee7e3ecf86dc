/**
 * What every front-end server applies: keep-alive and request timeouts that agree with each
 * other, and a ceiling on open connections whose excess gets an answer in AWS's shape.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import {
  HEADERS_TIMEOUT_MS,
  KEEP_ALIVE_TIMEOUT_MS,
  MAX_CONNECTIONS_PER_SERVER,
  REQUEST_TIMEOUT_MS,
} from '../defaults.js';
import type { HeldBytes } from './held-bytes.js';

/** An error answer written straight to a socket: status, error type and JSON body. */
export interface RawRefusal {
  status: number;
  reason: string;
  errorType: string;
  body: Record<string, string>;
}

/** Per-server overrides of the bounds (tests use small ones). */
export interface ServerBounds {
  /** Where unauthenticated body bytes are counted; the emulator-wide count by default. */
  heldBytes?: HeldBytes;
  /** Open connections; {@link MAX_CONNECTIONS_PER_SERVER} by default. */
  maxConnections?: number;
}

const refused = new WeakSet<Socket>();

/**
 * Sets the timeouts and the connection ceiling of a server.
 *
 * @param server - A front-end server.
 * @param refusal - What a connection beyond the ceiling is answered before it is closed.
 * @param maxConnections - The ceiling ({@link MAX_CONNECTIONS_PER_SERVER}).
 * @example
 * ```ts
 * applyServerLimits(server, { status: 429, reason: 'Too Many Requests', errorType: 'TooManyRequestsException', body: { message: 'Rate Exceeded.' } });
 * ```
 */
export function applyServerLimits(
  server: Server,
  refusal: RawRefusal,
  maxConnections = MAX_CONNECTIONS_PER_SERVER,
): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  let open = 0;
  server.on('connection', (socket: Socket) => {
    open += 1;
    socket.once('close', () => {
      open -= 1;
    });
    if (open <= maxConnections) return;
    refused.add(socket);
    socket.end(rawResponse(refusal));
  });
}

/**
 * @returns `true` for a request on a connection refused by the ceiling: the handler leaves it.
 * @example
 * ```ts
 * if (onRefusedConnection(req)) return;
 * ```
 */
export function onRefusedConnection(req: IncomingMessage): boolean {
  return refused.has(req.socket);
}

function rawResponse(refusal: RawRefusal): string {
  const body = JSON.stringify(refusal.body);
  return [
    `HTTP/1.1 ${refusal.status} ${refusal.reason}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `x-amzn-ErrorType: ${refusal.errorType}`,
    'Retry-After: 1',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
