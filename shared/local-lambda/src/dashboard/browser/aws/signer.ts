import { createSigV4Signer } from '@lambda-streaming/streaming/protocol';
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
 * Creates a `fetch` that signs each request for service `lambda` with the protocol toolkit's
 * signer (the SDK's own `@smithy/signature-v4` and `@aws-crypto/sha256-js`, bundled into the
 * page). The query is sent in the canonical order it was signed in; `host` is signed but not set
 * (the browser sets the same value).
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
  const sign = createSigV4Signer({ credentials, region });
  return async (url, init = {}) => {
    const method = init.method ?? 'GET';
    const signed = await sign({
      url: new URL(url),
      method,
      ...(init.headers ? { headers: init.headers } : {}),
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
    const { host: _host, ...headers } = signed.headers;
    const body = init.body !== undefined ? { body: init.body } : {};
    const signal = init.signal ? { signal: init.signal } : {};
    return fetch(signed.url, { method, headers, cache: 'no-store', ...body, ...signal });
  };
}
