import { Buffer } from 'node:buffer';
import { Sha256 } from '@aws-crypto/sha256-js';
import { getCanonicalQuery, SignatureV4 } from '@smithy/signature-v4';
import {
  type AwsCredentials,
  type AwsCredentialsProvider,
  resolveCredentials,
} from './credentials.js';
import { signingRegion } from './region.js';

/** The request shape `SignatureV4.sign` takes (Smithy's `HttpRequest`), without importing it. */
type SignableRequest = Parameters<SignatureV4['sign']>[0];

/** What to send to a function URL. */
export interface FunctionUrlRequestInit {
  /** HTTP method; default `GET`. */
  method?: string;
  /** Extra request headers; `host` and `content-length` are always computed. */
  headers?: Record<string, string>;
  /** The whole request body; it is hashed into the signature, so it cannot be a stream. */
  body?: string | Uint8Array;
}

/** How to sign a function URL request. */
export interface SigningOptions {
  /** Signing region; default: taken from `<id>.lambda-url.<region>.on.aws`. */
  region?: string;
  /** Credentials or a provider; default: the SDK's standard provider chain. */
  credentials?: AwsCredentials | AwsCredentialsProvider;
  /** SigV4 service name; default `lambda`, the one function URLs verify. */
  service?: string;
  /** Signing time; default now. Lets tests reproduce a signature. */
  signingDate?: Date;
}

/** A request ready to go on the wire, exactly as it was signed. */
export interface PreparedRequest {
  /** The URL to send; its query is in canonical (sorted, RFC 3986) form. */
  url: URL;
  method: string;
  /**
   * Includes `host`; a signed request also has `authorization`, `x-amz-date`,
   * `x-amz-content-sha256` and, for temporary credentials, `x-amz-security-token`.
   */
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
}

/**
 * Builds an unsigned request: the URL with its query in canonical form, the headers with
 * `host` (port included when not the default) and `content-length` set.
 *
 * @param url - The function URL.
 * @param init - Method, headers, body.
 * @returns The request as it will be sent.
 * @example
 * ```ts
 * const request = prepareFunctionUrlRequest('http://127.0.0.1:3001/?b=2&a=1', { method: 'POST', body: 'x' });
 * request.url.search; // '?a=1&b=2'
 * ```
 */
export function prepareFunctionUrlRequest(
  url: string | URL,
  init: FunctionUrlRequestInit = {},
): PreparedRequest {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new Error(`Function URLs are http(s) URLs, not ${target.protocol}`);
  }
  const query = getCanonicalQuery(toSignable(target, 'GET', {}));
  target.search = query ? `?${query}` : '';
  const headers = withoutHeaders(init.headers ?? {}, ['host', 'content-length']);
  headers.host = target.host;
  if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
  return { url: target, method: (init.method ?? 'GET').toUpperCase(), headers, body: init.body };
}

/**
 * Signs a function URL request with SigV4 (`@smithy/signature-v4`, the SDK's own signer), for
 * service `lambda` and the URL's region. The signer's defaults are kept, so the request looks
 * like one from the SDK: the body's SHA-256 is signed and also sent as `x-amz-content-sha256`,
 * every header given is signed, and a session token goes in `x-amz-security-token`.
 * (curl sends no `x-amz-content-sha256`; Lambda accepts both, since the hash is in the signature.)
 *
 * @param url - The function URL.
 * @param init - Method, headers, body, region, credentials.
 * @returns The signed request; send its headers unchanged.
 * @throws Error when no region can be determined, or the credential provider's error.
 * @example
 * ```ts
 * const signed = await signFunctionUrlRequest('https://abc.lambda-url.us-east-1.on.aws/');
 * signed.headers.authorization; // 'AWS4-HMAC-SHA256 Credential=AKIA.../us-east-1/lambda/aws4_request, ...'
 * ```
 */
export async function signFunctionUrlRequest(
  url: string | URL,
  init: FunctionUrlRequestInit & SigningOptions = {},
): Promise<PreparedRequest> {
  const request = prepareFunctionUrlRequest(url, init);
  const signer = new SignatureV4({
    service: init.service ?? 'lambda',
    region: signingRegion(request.url, init.region),
    credentials: () => resolveCredentials(init.credentials),
    sha256: Sha256,
  });
  const signable = toSignable(request.url, request.method, request.headers, request.body);
  const signed = await signer.sign(signable, { signingDate: init.signingDate ?? new Date() });
  return { ...request, headers: signed.headers };
}

function toSignable(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body?: string | Uint8Array,
): SignableRequest {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const previous = query[key];
    query[key] = previous === undefined ? value : [previous, value].flat();
  }
  return {
    method,
    protocol: url.protocol,
    // WHATWG keeps the brackets of an IPv6 host; the request itself needs them off.
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    ...(url.port ? { port: Number(url.port) } : {}),
    // The path as sent (already percent-encoded); the signer encodes each segment once more,
    // as SigV4 requires for every service but S3 (spec §6.3).
    path: url.pathname,
    query,
    headers,
    body,
  };
}

function withoutHeaders(headers: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !names.includes(name.toLowerCase())),
  );
}
