/**
 * The baseline server: fixtures/plain-server.mjs, plain node:http in its own process, which
 * answers /first, /empty and /bytes?bytes=N as the fixture functions do.
 */
import { join } from 'node:path';
import { FIXTURES } from './paths.js';
import { type BenchProcess, startNodeProcess } from './processes.js';

/** A running plain server. */
export interface PlainServer {
  readonly process: BenchProcess;
  readonly pid: number;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  stop(): Promise<void>;
}

/**
 * Starts the plain server and waits for its port.
 *
 * @returns The server.
 * @example
 * ```ts
 * const plain = await startPlainServer();
 * await timedRequest(prepareFunctionUrlRequest(`${plain.origin}/first`));
 * ```
 */
export async function startPlainServer(): Promise<PlainServer> {
  const child = startNodeProcess(join(FIXTURES, 'plain-server.mjs'), []);
  const line = await child.waitForLine(/^\{"port":\d+\}$/);
  const { port } = JSON.parse(line) as { port: number };
  return {
    process: child,
    pid: child.pid,
    origin: `http://127.0.0.1:${port}`,
    stop: () => child.stop(),
  };
}
