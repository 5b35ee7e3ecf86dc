import { Sha256 } from '@aws-crypto/sha256-js';
import { getCanonicalQuery, SignatureV4 } from '@smithy/signature-v4';
import type { Credentials } from '../config.js';

/** What to send. */
export interface SignedInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Cancels the request (a newer run replaces this one). */
  signal?: AbortSignal;
}

/** Sends requests signed with SigV4, as the AWS SDK signs them. */
export type SignedFetch = (url: string, init?: SignedInit) => Promise<Response>;

/**
 * Creates a `fetch` that signs each request for service `lambda` with the SDK's own signer
 * (`@smithy/signature-v4`, bundled into the page). The query is sent in the canonical order it
 * was signed in; `host` is signed but not set (the browser sets the same value).
 *
 * @param credentials - The local credentials.
 * @param region - The emulator's region.
 * @returns The signing fetch.
 * @example
 * ```ts
 * const signed = createSignedFetch(config.signing.credentials, config.region);
 * const response = await signed('http://127.0.0.1:3001/?pad=1');
 * ```
 */
export function createSignedFetch(credentials: Credentials, region: string): SignedFetch {
  const signer = new SignatureV4({ service: 'lambda', region, credentials, sha256: Sha256 });
  return async (url, init = {}) => {
    const target = new URL(url);
    const method = init.method ?? 'GET';
    const request = {
      method,
      protocol: target.protocol,
      hostname: target.hostname,
      ...(target.port ? { port: Number(target.port) } : {}),
      path: target.pathname,
      query: queryOf(target.searchParams),
      headers: { ...init.headers, host: target.host },
      ...(init.body !== undefined ? { body: init.body } : {}),
    };
    const signed = await signer.sign(request);
    const { host: _host, ...headers } = signed.headers;
    const query = getCanonicalQuery(signed);
    target.search = query ? `?${query}` : '';
    const body = init.body !== undefined ? { body: init.body } : {};
    const signal = init.signal ? { signal: init.signal } : {};
    return fetch(target, { method, headers, cache: 'no-store', ...body, ...signal });
  };
}

function queryOf(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    const existing = query[name];
    if (existing === undefined) query[name] = value;
    else query[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}
