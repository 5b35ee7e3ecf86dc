import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A node:http server listening on 127.0.0.1 on a free port. */
export interface LocalServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  origin: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts a real HTTP server on the loopback interface, for tests that need real sockets.
 *
 * @param listener - The request handler.
 * @returns The server's origin and a `close()` that also drops keep-alive connections.
 * @example
 * ```ts
 * const server = await startLocalServer((req, res) => res.end('hi'));
 * await server.close();
 * ```
 */
export async function startLocalServer(listener: http.RequestListener): Promise<LocalServer> {
  const server = http.createServer(listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/**
 * Reads a request body completely.
 *
 * @param request - The incoming request.
 * @returns Its bytes.
 * @example
 * ```ts
 * const body = await readBody(req);
 * ```
 */
export async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** A promise that the test resolves by hand, to order server and client steps without timers. */
export interface Gate {
  promise: Promise<void>;
  open(): void;
}

/**
 * Creates a {@link Gate}.
 *
 * @returns A closed gate.
 * @example
 * ```ts
 * const gate = createGate();
 * await gate.promise; // in the server, until the test calls gate.open()
 * ```
 */
export function createGate(): Gate {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
