import { getCanonicalQuery, SignatureV4 } from '@smithy/signature-v4';
import type { SigV4Credentials } from './credentials.js';
import { DEFAULT_SHA256, type Sha256Constructor } from './sha256.js';
import { signableFromUrl } from './signable-request.js';

/** Whom and for what to sign. */
export interface SigV4SignerOptions {
  /** Keys, or a function that resolves them (called for every request). */
  credentials: SigV4Credentials | (() => Promise<SigV4Credentials>);
  region: string;
  /** Signing service; default `lambda` (the Lambda API and function URLs), or `execute-api`. */
  service?: string;
  /** SHA-256 implementation; default `@aws-crypto/sha256-js`; pass `NodeSha256` in Node. */
  sha256?: Sha256Constructor;
}

/** A request to sign. */
export interface RequestToSign {
  url: URL;
  /** HTTP method; default `GET`. */
  method?: string;
  /** Headers to sign as they are; `host` is set from the URL. */
  headers?: Record<string, string>;
  /** The whole body; its SHA-256 is part of the signature. */
  body?: string | Uint8Array;
}

/** A request exactly as it was signed: send it unchanged. */
export interface SignedRequest {
  /** The URL with its query in canonical (sorted, RFC 3986) form, the form that was signed. */
  url: URL;
  method: string;
  /**
   * The given headers with `host`, `authorization`, `x-amz-date`, `x-amz-content-sha256` and,
   * for temporary credentials, `x-amz-security-token`.
   */
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
}

/** Signs requests; `signingDate` defaults to now. */
export type SigV4Signer = (request: RequestToSign, signingDate?: Date) => Promise<SignedRequest>;

/**
 * Creates a SigV4 signer with `@smithy/signature-v4`, the SDK's own signer, and its defaults,
 * so requests look like the SDK's: every header given is signed, the body's SHA-256 is signed
 * and also sent as `x-amz-content-sha256`, and a session token goes in `x-amz-security-token`.
 *
 * @param options - Credentials, region, service, hash.
 * @returns The signer.
 * @example
 * ```ts
 * const sign = createSigV4Signer({ credentials, region: 'us-east-1' });
 * const signed = await sign({ url: new URL('http://127.0.0.1:3001/?b=2&a=1'), method: 'POST', body: '{}' });
 * signed.url.search; // '?a=1&b=2'
 * ```
 */
export function createSigV4Signer(options: SigV4SignerOptions): SigV4Signer {
  const signer = new SignatureV4({
    service: options.service ?? 'lambda',
    region: options.region,
    credentials: options.credentials,
    sha256: options.sha256 ?? DEFAULT_SHA256,
  });
  return async (request, signingDate = new Date()) => {
    const url = withCanonicalQuery(request.url);
    const method = (request.method ?? 'GET').toUpperCase();
    const headers = { ...request.headers, host: url.host };
    const signable = signableFromUrl(url, method, headers, request.body);
    const signed = await signer.sign(signable, { signingDate });
    return { url, method, headers: signed.headers, body: request.body };
  };
}

/**
 * @param url - Any http(s) URL.
 * @returns A copy whose query is in the canonical form SigV4 signs (decoded, RFC 3986 encoded,
 * sorted by key then value), so that what is sent is byte for byte what was signed.
 * @example
 * ```ts
 * withCanonicalQuery(new URL('http://h/?b=2&a=x y')).search; // '?a=x%20y&b=2'
 * ```
 */
export function withCanonicalQuery(url: URL): URL {
  const copy = new URL(url);
  const query = getCanonicalQuery(signableFromUrl(copy, 'GET', {}));
  copy.search = query ? `?${query}` : '';
  return copy;
}
