/**
 * Requests of the reliability run: raw headers (repeats allowed) over a fresh or kept-alive
 * connection, signed with the emulator's local credentials like the SDK signs, each answer
 * read whole.
 */
import { Agent, request } from 'node:http';
import { DEFAULT_CREDENTIALS, DEFAULT_REGION } from '@lambda-streaming/local-lambda';
import { NodeSha256 } from '@lambda-streaming/streaming/node-sha256';
import { createSigV4Signer } from '@lambda-streaming/streaming/protocol';

/** An answer. */
export interface Answer {
  status: number;
  errorType: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request as the run sends it. */
export interface RawRequest {
  url: string;
  method?: string;
  /** Name, value, name, value… */
  headers: string[];
  body?: Buffer | string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

/**
 * Sends a request and reads its answer; a connection closed without an answer rejects.
 *
 * @example
 * ```ts
 * const answer = await send({ url, headers: await sign(url, '{}'), body: '{}' });
 * ```
 */
export function send(raw: RawRequest, keepAlive = true): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(raw.url, {
      method: raw.method ?? 'POST',
      headers: raw.headers,
      agent: keepAlive ? agent : false,
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          errorType: String(res.headers['x-amzn-errortype'] ?? ''),
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end(raw.body ?? '');
  });
}

/** What a signature may be made with, for the SigV4 matrix. */
export interface SignWith {
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  region?: string;
  service?: string;
  date?: Date;
  extraHeaders?: Record<string, string>;
}

/**
 * Signs a POST of `body` to `url` and returns the headers as a flat list.
 *
 * @example
 * ```ts
 * const headers = await sign(url, '{}', { region: 'eu-west-1' });
 * ```
 */
export async function sign(
  url: string,
  body: string | Buffer,
  using: SignWith = {},
): Promise<string[]> {
  const signer = createSigV4Signer({
    credentials: using.credentials ?? DEFAULT_CREDENTIALS,
    region: using.region ?? DEFAULT_REGION,
    service: using.service ?? 'lambda',
    sha256: NodeSha256,
  });
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const signed = await signer(
    {
      url: new URL(url),
      method: 'POST',
      body: new Uint8Array(bytes),
      headers: using.extraHeaders ?? {},
    },
    using.date ?? new Date(),
  );
  return Object.entries(signed.headers).flat();
}

/** Closes the kept-alive connections. */
export function closeConnections(): void {
  agent.destroy();
}
