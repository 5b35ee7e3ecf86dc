import type { ReceivedRequest } from './received-request.js';

/** The request shape `@smithy/signature-v4` signs (structurally `@smithy/types` `HttpRequest`). */
export interface SignableRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/**
 * Groups raw headers by lowercased name, each value trimmed and repeats joined with `,`, as the
 * SigV4 canonical headers want them (spec §6.3 step 4; the signer collapses inner spaces).
 *
 * @param rawHeaders - Name, value, name, value… as received.
 * @returns Lowercased name → canonical value.
 * @example
 * ```ts
 * canonicalHeaderValues(['X-A', ' 1 ', 'x-a', '2']); // Map { 'x-a' => '1,2' }
 * ```
 */
export function canonicalHeaderValues(rawHeaders: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] ?? '').toLowerCase();
    const value = (rawHeaders[index + 1] ?? '').trim();
    const previous = values.get(name);
    values.set(name, previous === undefined ? value : `${previous},${value}`);
  }
  return values;
}

/**
 * Decodes a raw query string into the key → value(s) map the signer canonicalizes (it re-encodes
 * with RFC 3986 and sorts by key, then value: spec §6.3 step 3). `+` stays a literal plus, as
 * AWS reads it.
 *
 * @param rawQuery - Query string as received, without `?`.
 * @returns Decoded keys and values; repeated keys become arrays.
 * @example
 * ```ts
 * parseRawQuery('b=2&a=1&a=0'); // { b: '2', a: ['1', '0'] }
 * ```
 */
export function parseRawQuery(rawQuery: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    addQueryValue(
      query,
      decode(equals === -1 ? pair : pair.slice(0, equals)),
      equals === -1 ? '' : decode(pair.slice(equals + 1)),
    );
  }
  return query;
}

/**
 * Rebuilds a received request for the signer, as the services we emulate (`lambda`,
 * `execute-api`: every service but S3) build the canonical request: the raw path, which the
 * signer encodes each segment of once more (the double encoding of spec §6.3 step 2), the
 * decoded query, and every header; the caller tells the signer which of them were signed.
 *
 * @param request - The request as received.
 * @param headers - Its headers from {@link canonicalHeaderValues}.
 * @returns A request the signer can sign with a fixed date.
 * @example
 * ```ts
 * const signable = signableFromReceived(received, canonicalHeaderValues(received.rawHeaders));
 * ```
 */
export function signableFromReceived(
  request: ReceivedRequest,
  headers: Map<string, string>,
): SignableRequest {
  return {
    method: request.method.toUpperCase(),
    protocol: 'http:',
    hostname: headers.get('host') ?? '',
    path: request.rawPath === '' ? '/' : request.rawPath,
    query: parseRawQuery(request.rawQuery),
    headers: Object.fromEntries(headers),
    body: request.body,
  };
}

/**
 * Describes a request about to be sent to `url` for the signer: the path as it will be sent
 * (already percent-encoded; the signer encodes each segment once more) and the query decoded.
 *
 * @param url - Where the request goes.
 * @param method - HTTP method.
 * @param headers - The headers to sign.
 * @param body - The body, hashed into the signature.
 * @returns A request the signer can sign.
 * @example
 * ```ts
 * const signable = signableFromUrl(new URL('http://127.0.0.1:3001/?a=1'), 'GET', { host: '127.0.0.1:3001' });
 * ```
 */
export function signableFromUrl(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body?: string | Uint8Array,
): SignableRequest {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) addQueryValue(query, key, value);
  return {
    method,
    protocol: url.protocol,
    // WHATWG keeps the brackets of an IPv6 host; the request itself needs them off.
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname,
    query,
    headers,
    ...(body !== undefined ? { body } : {}),
  };
}

function addQueryValue(query: Record<string, string | string[]>, key: string, value: string) {
  const previous = query[key];
  if (previous === undefined) query[key] = value;
  else query[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
