import type { IncomingMessage } from 'node:http';

/** An HTTP request as it arrived, with everything SigV4 verification reads. */
export interface ReceivedRequest {
  method: string;
  /** Path as received, still percent-encoded, without the query (e.g. `/a/arn%3Aaws…`). */
  rawPath: string;
  /** Query string as received, without `?` (`''` when there is none). */
  rawQuery: string;
  /** Node's `rawHeaders`: name, value, name, value… as sent (repeats kept). */
  rawHeaders: readonly string[];
  body: Uint8Array;
}

/**
 * Splits a request target (`req.url`) into its raw path and raw query.
 *
 * @param target - `/path?query` (origin form) or an absolute URL (proxy form).
 * @returns The path and query, both still percent-encoded.
 * @example
 * ```ts
 * splitTarget('/a%20b?x=1'); // { rawPath: '/a%20b', rawQuery: 'x=1' }
 * ```
 */
export function splitTarget(target: string): { rawPath: string; rawQuery: string } {
  let pathAndQuery = target;
  if (!target.startsWith('/')) {
    try {
      const url = new URL(target);
      pathAndQuery = `${url.pathname}${url.search}`;
    } catch {
      pathAndQuery = `/${target}`;
    }
  }
  const question = pathAndQuery.indexOf('?');
  if (question === -1) return { rawPath: pathAndQuery, rawQuery: '' };
  return { rawPath: pathAndQuery.slice(0, question), rawQuery: pathAndQuery.slice(question + 1) };
}

/**
 * @param req - A request whose body has been read.
 * @param body - Its body bytes.
 * @returns The request in the form the verifier takes.
 * @example
 * ```ts
 * const result = await verify(toReceivedRequest(req, await readBody(req)));
 * ```
 */
export function toReceivedRequest(req: IncomingMessage, body: Uint8Array): ReceivedRequest {
  return {
    method: req.method ?? 'GET',
    ...splitTarget(req.url ?? '/'),
    rawHeaders: req.rawHeaders,
    body,
  };
}
