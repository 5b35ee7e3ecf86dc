/** An HTTP request as it arrived, with everything SigV4 verification reads. */
export interface ReceivedRequest {
  method: string;
  /** Path as received, still percent-encoded, without the query (e.g. `/a/arn%3Aaws…`). */
  rawPath: string;
  /** Query string as received, without `?` (`''` when there is none). */
  rawQuery: string;
  /** Names and values as sent: name, value, name, value… (repeats kept), as Node's `rawHeaders`. */
  rawHeaders: readonly string[];
  body: Uint8Array;
}

/** What {@link toReceivedRequest} reads of a server's request (a Node `IncomingMessage` fits). */
export interface RequestHead {
  method?: string | undefined;
  /** The request target: `/path?query`, or an absolute URL. */
  url?: string | undefined;
  rawHeaders: readonly string[];
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
 * @param req - A request whose body has been read (a Node `IncomingMessage`, for one).
 * @param body - Its body bytes.
 * @returns The request in the form the verifier takes.
 * @example
 * ```ts
 * const result = await verify(toReceivedRequest(req, await readBody(req)));
 * ```
 */
export function toReceivedRequest(req: RequestHead, body: Uint8Array): ReceivedRequest {
  return {
    method: req.method ?? 'GET',
    ...splitTarget(req.url ?? '/'),
    rawHeaders: req.rawHeaders,
    body,
  };
}
