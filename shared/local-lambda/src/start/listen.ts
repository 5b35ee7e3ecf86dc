import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Thrown when a port cannot be bound; the message names the port and the option to change. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly host: string,
    what: string,
    option: string,
  ) {
    super(
      `Port ${port} on ${host} (${what}) is already in use. Choose another with ${option}, or stop what is using it.`,
    );
    this.name = 'PortInUseError';
  }
}

/**
 * Binds a server and resolves to the port it got.
 *
 * @param server - The server.
 * @param port - Port to bind; `0` for an ephemeral one.
 * @param host - Address to bind.
 * @param describe - What the server is and which option moves it, for the error message.
 * @returns The bound port.
 * @throws {@link PortInUseError} when the port is taken; other bind errors as they are.
 * @example
 * ```ts
 * const port = await listen(server, 3000, '127.0.0.1', { what: 'the Lambda API', option: '--port' });
 * ```
 */
export function listen(
  server: Server,
  port: number,
  host: string,
  describe: { what: string; option: string },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        reject(new PortInUseError(port, host, describe.what, describe.option));
      else reject(error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Closes a server now: stops accepting and drops open connections (streams included).
 *
 * @example
 * ```ts
 * await closeNow(server);
 * ```
 */
export function closeNow(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * @param host - The address servers bind to.
 * @param port - A bound port.
 * @returns The URL clients on this machine use: wildcard addresses become `127.0.0.1`.
 * @example
 * ```ts
 * baseUrl('0.0.0.0', 3001); // 'http://127.0.0.1:3001'
 * ```
 */
export function baseUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}
