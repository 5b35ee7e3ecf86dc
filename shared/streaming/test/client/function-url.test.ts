import { Buffer } from 'node:buffer';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callFunctionUrl } from '../../src/client/index.js';
import { NodeSha256 } from '../../src/node-sha256.js';
import { createSigV4Verifier, toReceivedRequest } from '../../src/protocol/index.js';
import {
  createGate,
  type LocalServer,
  readBody,
  startLocalServer,
} from './helpers/local-server.js';

const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test/secret+key' };
const region = 'us-east-1';

/** What the stand-in server saw. */
interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let server: LocalServer | undefined;
const received: SeenRequest[] = [];

/**
 * A stand-in function URL with AuthType AWS_IAM: 403 unless the SigV4 signature verifies for
 * `expected` (a session token in it must come with the request).
 */
async function startIamFunctionUrl(
  respond: (res: ServerResponse) => unknown = (res) => res.end('ok'),
  expected: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = credentials,
) {
  const verify = createSigV4Verifier({ credentials: expected, region, sha256: NodeSha256 });
  server = await startLocalServer(async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    const verification = await verify(toReceivedRequest(req, body));
    if (!verification.ok) {
      res.writeHead(403, { 'x-amzn-errortype': verification.failure.errorType });
      res.end(verification.failure.message);
      return;
    }
    await respond(res);
  });
  return server;
}

async function text(body: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of body) parts.push(part);
  return Buffer.concat(parts).toString();
}

afterEach(async () => {
  vi.unstubAllEnvs();
  received.length = 0;
  await server?.close();
  server = undefined;
});

describe('callFunctionUrl', () => {
  it('signs a request that a SigV4 verifier accepts, for service lambda', async () => {
    // Arrange
    const { origin } = await startIamFunctionUrl();

    // Act
    const response = await callFunctionUrl(`${origin}/orders/a%20b?b=2&a=1&a=0`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Trace': '  spaced   value ' },
      body: '{"id":1}',
      region,
      credentials,
    });

    // Assert
    expect(await text(response.body)).toBe('ok');
    expect(response.statusCode).toBe(200);
    expect(received[0]?.url).toBe('/orders/a%20b?a=0&a=1&b=2');
    expect(received[0]?.headers.host).toBe(new URL(origin).host);
    expect(received[0]?.body.toString()).toBe('{"id":1}');
  });

  it('signs x-amz-content-sha256, host and the caller headers, like the SDK', async () => {
    // Arrange
    const { origin } = await startIamFunctionUrl();

    // Act
    const response = await callFunctionUrl(origin, {
      region,
      credentials,
      headers: { accept: 'text/html' },
    });
    await text(response.body);

    // Assert
    const authorization = String(received[0]?.headers.authorization);
    expect(authorization).toContain(`Credential=AKIDTEST/`);
    expect(authorization).toContain(`/${region}/lambda/aws4_request`);
    expect(authorization).toContain('SignedHeaders=accept;host;x-amz-content-sha256;x-amz-date,');
  });

  it('sends and signs the session token of temporary credentials', async () => {
    // Arrange
    const temporary = { ...credentials, sessionToken: 'session/token==' };
    const { origin } = await startIamFunctionUrl(undefined, temporary);
    const provider = async () => temporary;

    // Act
    const response = await callFunctionUrl(`${origin}/`, { region, credentials: provider });
    await text(response.body);

    // Assert
    expect(response.statusCode).toBe(200);
    expect(received[0]?.headers['x-amz-security-token']).toBe('session/token==');
    expect(String(received[0]?.headers.authorization)).toContain(';x-amz-security-token,');
  });

  it('resolves credentials from the standard provider chain when none are given', async () => {
    // Arrange
    const { origin } = await startIamFunctionUrl(undefined, {
      ...credentials,
      sessionToken: 'env-token',
    });
    vi.stubEnv('AWS_ACCESS_KEY_ID', credentials.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey);
    vi.stubEnv('AWS_SESSION_TOKEN', 'env-token');

    // Act
    const response = await callFunctionUrl(origin, { region });
    await text(response.body);

    // Assert
    expect(response.statusCode).toBe(200);
    expect(received[0]?.headers['x-amz-security-token']).toBe('env-token');
  });

  it('returns the body before the function finishes: the first chunk arrives first', async () => {
    // Arrange
    const gate = createGate();
    const { origin } = await startIamFunctionUrl(async (res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first ');
      await gate.promise;
      res.end('last');
    });

    // Act
    const response = await callFunctionUrl(origin, { region, credentials });
    const chunks = response.body[Symbol.asyncIterator]();
    const first = await chunks.next();
    gate.open();
    const rest = await text({ [Symbol.asyncIterator]: () => chunks });

    // Assert
    expect(String(first.value)).toBe('first ');
    expect(rest).toBe('last');
    expect(response.body.complete).toBe(true);
  });

  it('sends the request unsigned with auth none, needing no region', async () => {
    // Arrange
    const { origin } = await startLocalServer(async (req, res) => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: await readBody(req),
      });
      res.end('public');
    }).then((started) => {
      server = started;
      return started;
    });

    // Act
    const response = await callFunctionUrl(origin, { auth: 'none', method: 'put', body: 'x' });

    // Assert
    expect(await text(response.body)).toBe('public');
    expect(received[0]?.method).toBe('PUT');
    expect(received[0]?.headers.authorization).toBeUndefined();
    expect(received[0]?.headers['content-length']).toBe('1');
  });

  it('rejects a local URL without a region, naming the option', async () => {
    // Arrange
    const url = 'http://127.0.0.1:3001/';

    // Act
    const calling = callFunctionUrl(url, { credentials });

    // Assert
    await expect(calling).rejects.toThrow(/region.*\{ region: 'us-east-1' \}/);
  });

  it('gets 403 from the verifier when signed for another region', async () => {
    // Arrange
    const { origin } = await startIamFunctionUrl();

    // Act
    const response = await callFunctionUrl(origin, { region: 'eu-west-1', credentials });

    // Assert
    expect(response.statusCode).toBe(403);
    expect(response.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
    expect(await text(response.body)).toBe('Credential should be scoped to a valid region.');
  });

  it('aborts the body with the signal', async () => {
    // Arrange
    const { origin } = await startIamFunctionUrl((res) => {
      res.write('never ends');
    });
    const controller = new AbortController();
    const response = await callFunctionUrl(origin, {
      region,
      credentials,
      signal: controller.signal,
    });

    // Act
    const reading = text(response.body);
    controller.abort();

    // Assert
    await expect(reading).rejects.toThrow(/abort/i);
  });
});
