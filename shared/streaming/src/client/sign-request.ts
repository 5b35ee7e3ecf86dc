import { Buffer } from 'node:buffer';
import { NodeSha256 } from '../node-sha256.js';
import { createSigV4Signer, withCanonicalQuery } from '../protocol/index.js';
import {
  type AwsCredentials,
  type AwsCredentialsProvider,
  resolveCredentials,
} from './credentials.js';
import { signingRegion } from './region.js';

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
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`Function URLs are http(s) URLs, not ${parsed.protocol}`);
  }
  const target = withCanonicalQuery(parsed);
  const headers = withoutHeaders(init.headers ?? {}, ['host', 'content-length']);
  headers.host = target.host;
  if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
  return { url: target, method: (init.method ?? 'GET').toUpperCase(), headers, body: init.body };
}

/**
 * Signs a function URL request with SigV4 (the protocol toolkit's signer, which is the SDK's
 * `@smithy/signature-v4` with its defaults), for service `lambda` and the URL's region, so the
 * request looks like one from the SDK: the body's SHA-256 is signed and also sent as
 * `x-amz-content-sha256`, every header given is signed, and a session token goes in
 * `x-amz-security-token`. (curl sends no `x-amz-content-sha256`; Lambda accepts both, since the
 * hash is in the signature.)
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
  const sign = createSigV4Signer({
    service: init.service ?? 'lambda',
    region: signingRegion(request.url, init.region),
    credentials: () => resolveCredentials(init.credentials),
    sha256: NodeSha256,
  });
  const signed = await sign(request, init.signingDate ?? new Date());
  return { ...request, headers: signed.headers };
}

function withoutHeaders(headers: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !names.includes(name.toLowerCase())),
  );
}
