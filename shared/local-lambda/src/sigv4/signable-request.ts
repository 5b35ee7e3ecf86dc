import type { ReceivedRequest } from './received-request.js';

/** The request shape `@smithy/signature-v4` signs (structurally `@smithy/types` `HttpRequest`). */
export interface SignableRequest {
  method: string;
  protocol: string;
  hostname: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: Uint8Array;
}

/**
 * Groups raw headers by lowercased name, each value trimmed and repeats joined with `,`, as the
 * SigV4 canonical headers want them (spec §6.3 step 4; the signer collapses inner spaces).
 *
 * @param rawHeaders - Node's `rawHeaders`.
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
    const key = decode(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? '' : decode(pair.slice(equals + 1));
    const previous = query[key];
    if (previous === undefined) query[key] = value;
    else query[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return query;
}

/**
 * Rebuilds the received request for the signer: raw path (the signer encodes each segment once
 * more, which is the non-S3 double encoding of spec §6.3 step 2), decoded query, and every
 * header; the caller tells the signer which of them were signed.
 *
 * @param request - The request as received.
 * @param headers - Its headers from {@link canonicalHeaderValues}.
 * @returns A request the signer can sign with a fixed date.
 * @example
 * ```ts
 * const signable = toSignableRequest(received, canonicalHeaderValues(received.rawHeaders));
 * ```
 */
export function toSignableRequest(
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

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
