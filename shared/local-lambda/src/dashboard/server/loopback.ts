import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** Whether a request may receive the local credentials, and why not when it may not. */
export type LoopbackCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks that a request comes from this machine and names this machine in `Host`. Both are
 * needed: the socket address says who connects, and the `Host` check stops a page on another
 * site from reaching the emulator through a DNS name that resolves to 127.0.0.1 (DNS rebinding).
 *
 * @param req - The request.
 * @returns `{ ok: true }`, or the reason the page must stay read-only.
 * @example
 * ```ts
 * const check = checkLoopback(req);
 * if (!check.ok) console.log(check.reason);
 * ```
 */
export function checkLoopback(req: IncomingMessage): LoopbackCheck {
  const remote = req.socket.remoteAddress ?? '';
  if (!isLoopbackAddress(remote)) {
    return { ok: false, reason: `the request came from ${remote || 'an unknown address'}` };
  }
  const host = req.headers.host ?? '';
  if (!isLoopbackHost(host)) {
    return { ok: false, reason: `the page was opened as ${host || 'an unnamed host'}` };
  }
  return { ok: true };
}

/**
 * @param address - A socket address (`127.0.0.1`, `::1`, `::ffff:127.0.0.1`…).
 * @returns Whether it is a loopback address.
 * @example
 * ```ts
 * isLoopbackAddress('::ffff:127.0.0.1'); // true
 * ```
 */
export function isLoopbackAddress(address: string): boolean {
  const plain = address.toLowerCase().replace(/^::ffff:/, '');
  if (isIP(plain) === 4) return plain.startsWith('127.');
  return plain === '::1';
}

/**
 * @param host - A `Host` header: `localhost:3000`, `127.0.0.1:3000`, `[::1]:3000`…
 * @returns Whether it names this machine.
 * @example
 * ```ts
 * isLoopbackHost('localhost:3000'); // true
 * ```
 */
export function isLoopbackHost(host: string): boolean {
  const match = /^(?:\[([^\]]+)\]|([^:]+))(?::\d+)?$/.exec(host.trim());
  const name = (match?.[1] ?? match?.[2] ?? '').toLowerCase();
  return name === 'localhost' || isLoopbackAddress(name);
}
