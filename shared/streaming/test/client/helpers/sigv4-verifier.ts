import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** What a server saw: enough to check a SigV4 signature. */
export interface ReceivedRequest {
  method: string;
  /** The raw request target, path and query, as on the request line. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Whom and where the signature must be for. */
export interface VerifierOptions {
  credentials: { accessKeyId: string; secretAccessKey: string };
  region: string;
  service?: string;
}

/** The outcome of {@link verifySigV4}. */
export type Verification = { ok: true; signedHeaders: string[] } | { ok: false; reason: string };

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/**
 * Verifies a SigV4 header signature the way the service does (spec §6.3), written from the
 * algorithm with node:crypto only, so it checks the client's signer independently: each path
 * segment encoded again, decoded-then-encoded sorted query, the listed headers only, payload
 * hash from `x-amz-content-sha256` (which must match the body) or else from the body.
 *
 * @param request - The request as received.
 * @param options - Expected credentials, region and service (default `lambda`).
 * @returns `ok`, with the signed header names, or the reason it fails.
 * @example
 * ```ts
 * const result = verifySigV4({ method, url, headers, body }, { credentials, region: 'us-east-1' });
 * ```
 */
export function verifySigV4(request: ReceivedRequest, options: VerifierOptions): Verification {
  const match = AUTHORIZATION.exec(header(request.headers, 'authorization'));
  if (!match) return { ok: false, reason: 'no AWS4-HMAC-SHA256 authorization header' };
  const [, accessKeyId, day, region, service, signedList = '', signature = ''] = match;
  const amzDate = header(request.headers, 'x-amz-date');
  const scopeProblem =
    (accessKeyId !== options.credentials.accessKeyId && 'unknown access key') ||
    (region !== options.region && `region ${region}, expected ${options.region}`) ||
    (service !== (options.service ?? 'lambda') && `service ${service}`) ||
    (!amzDate.startsWith(day ?? '-') && 'x-amz-date does not match the credential scope') ||
    (!signedList.split(';').includes('host') && 'host is not signed');
  if (scopeProblem) return { ok: false, reason: scopeProblem };
  const payloadHash = payloadHashOf(request);
  if (!payloadHash) return { ok: false, reason: 'x-amz-content-sha256 does not match the body' };
  const signedHeaders = signedList.split(';');
  const canonical = canonicalRequest(request, signedHeaders, payloadHash);
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
  const key = [day, region, service, 'aws4_request'].reduce<Buffer>(
    (k, part) => hmac(k, part ?? ''),
    Buffer.from(`AWS4${options.credentials.secretAccessKey}`),
  );
  const expected = hmac(key, stringToSign).toString('hex');
  return timingSafeEqual(Buffer.from(expected), Buffer.from(signature))
    ? { ok: true, signedHeaders }
    : { ok: false, reason: 'signature mismatch' };
}

function canonicalRequest(request: ReceivedRequest, signed: string[], payloadHash: string): string {
  const [rawPath = '/', rawQuery = ''] = request.url.split('?', 2);
  const path = rawPath.split('/').map(encodeRfc3986).join('/');
  const headers = signed.map(
    (name) => `${name}:${header(request.headers, name).trim().replace(/\s+/g, ' ')}\n`,
  );
  return [
    request.method,
    path,
    canonicalQuery(rawQuery),
    headers.join(''),
    signed.join(';'),
    payloadHash,
  ].join('\n');
}

function canonicalQuery(rawQuery: string): string {
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const [key = '', value = ''] = pair.split('=', 2);
      return [encodeRfc3986(decodeURIComponent(key)), encodeRfc3986(decodeURIComponent(value))];
    })
    .sort(([a = '', x = ''], [b = '', y = '']) => (a === b ? compare(x, y) : compare(a, b)))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

function payloadHashOf(request: ReceivedRequest): string | undefined {
  const bodyHash = sha256Hex(request.body);
  const claimed = request.headers['x-amz-content-sha256'];
  if (claimed === undefined) return bodyHash;
  return claimed === bodyHash ? bodyHash : undefined;
}

function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}
