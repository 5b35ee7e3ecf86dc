/**
 * Keeps what a runtime sent in the order it sent it. Node reads a connection it has just accepted
 * only on the next turn of the event loop, so on a busy machine a request on a new connection (a
 * runtime's first streamed `/response`) can reach the handlers after one the runtime sent later
 * on a connection already open (its `/error`), and a process's exit can be noticed before the
 * bytes it wrote were read. RAPID, with one goroutine per connection, handles them as they come.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Resolves after one full turn of the event loop, its poll phase included: every connection that
 * had data waiting has been read by then.
 *
 * @example
 * ```ts
 * await afterPendingReads(); // a /response that left first has been seen now
 * ```
 */
export function afterPendingReads(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/**
 * The open connections of a server.
 *
 * @example
 * ```ts
 * const connections = new OpenConnections(server);
 * await connections.allClosed(); // after the runtime process died: everything it sent was read
 * ```
 */
export class OpenConnections {
  readonly #sockets = new Set<Socket>();

  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
    });
  }

  /** Resolves once every connection has closed, those still being accepted included. */
  async allClosed(): Promise<void> {
    await afterPendingReads();
    while (this.#sockets.size > 0) {
      const closing = [...this.#sockets].map(
        (socket) => new Promise<void>((resolve) => socket.once('close', () => resolve())),
      );
      await Promise.all(closing);
      await afterPendingReads();
    }
  }
}
