import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

/** A request as the stand-in function URL received it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** `ok`, or why the signature was rejected. */
  verdict: string;
}

/** What the signature must be made with. */
export interface Expected {
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  region: string;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=[0-9a-f]{64}$/;

/**
 * Checks a SigV4 request by signing it again with `@smithy/signature-v4` (the SDK's signer,
 * independent of curl): same date, same signed headers, body hashed, expected credentials,
 * region and service `lambda`, then compares the Authorization headers. The session token is
 * part of the expected credentials, so a missing or wrong `x-amz-security-token` fails.
 *
 * @param request - The received request.
 * @param expected - Credentials and region it must be signed with.
 * @returns `ok`, or the reason it fails.
 * @example
 * ```ts
 * expect(await verify(seen, { credentials, region: 'us-east-1' })).toBe('ok');
 * ```
 */
export async function verify(request: Omit<SeenRequest, 'verdict'>, expected: Expected) {
  const authorization = String(request.headers.authorization ?? '');
  const match = AUTHORIZATION.exec(authorization);
  if (!match) return `not a SigV4 authorization: ${authorization || 'none'}`;
  const [, , region, service, signedList = ''] = match;
  if (region !== expected.region) return `signed for region ${region}`;
  if (service !== 'lambda') return `signed for service ${service}`;
  const url = new URL(request.url, 'http://placeholder');
  const signer = new SignatureV4({
    service: 'lambda',
    region: expected.region,
    credentials: expected.credentials,
    sha256: Sha256,
    applyChecksum: false,
  });
  const resigned = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: url.hostname,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(
        signedList.split(';').map((name) => [name, String(request.headers[name] ?? '')]),
      ),
      body: request.body,
    },
    { signingDate: amzDate(String(request.headers['x-amz-date'])) },
  );
  return resigned.headers.authorization === authorization ? 'ok' : 'signature mismatch';
}

function amzDate(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : new Date(Number.NaN);
}

/** The stand-in function URL: its origin, the requests it saw, `close()`. */
export interface IamFunctionUrl {
  origin: string;
  port: number;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/**
 * Starts a local function URL with `AuthType: AWS_IAM`: 403 with the reason unless the
 * signature verifies, else `respond` writes the response.
 *
 * @param expected - Credentials and region requests must be signed with.
 * @param respond - Writes the function's response.
 * @returns The running server.
 * @example
 * ```ts
 * const url = await startIamFunctionUrl(expected, (res) => res.end('ok'));
 * ```
 */
export async function startIamFunctionUrl(
  expected: Expected,
  respond: (res: http.ServerResponse) => unknown,
): Promise<IamFunctionUrl> {
  const seen: SeenRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
    const received = { ...request, body: Buffer.concat(parts) };
    const verdict = await verify(received, expected);
    seen.push({ ...received, verdict });
    if (verdict !== 'ok') {
      res.writeHead(403, { 'content-type': 'text/plain' }).end(verdict);
      return;
    }
    await respond(res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
