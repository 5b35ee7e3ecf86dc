import { connect } from 'node:net';
import { NodeSha256 } from '@lambda-streaming/streaming/node-sha256';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEADERS_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS } from '../../src/defaults.js';
import { FORBIDDEN_MESSAGE } from '../../src/front-ends/function-urls/url-errors.js';
import { createFunctionUrlServer } from '../../src/front-ends/function-urls/url-server.js';
import { createApiServer } from '../../src/front-ends/lambda-api/api-server.js';
import { HeldBytes } from '../../src/http/held-bytes.js';
import type { ServerBounds } from '../../src/http/server-limits.js';
import { createSigV4Verifier } from '../../src/sigv4/verify-sigv4.js';
import { createFakeService } from '../fixtures/frontend/fake-service.js';
import { openRequest, sendRaw, signedHeaders } from '../fixtures/frontend/raw-request.js';
import { CREDENTIALS, closeServer, listen, REGION } from '../fixtures/frontend/servers.js';

const INVOKE_PATH = '/2015-03-31/functions/Fn/invocations';
const WRONG_SECRET = { ...CREDENTIALS, secretAccessKey: 'not-the-secret' };

/** The Lambda API and an AWS_IAM function URL over one fake core, with the given bounds. */
async function startBoth(bounds: ServerBounds) {
  const service = createFakeService([{ name: 'Fn', url: { authType: 'AWS_IAM' } }], {
    Fn: async (invocation) => {
      await invocation.write('ok');
      invocation.finish();
    },
  });
  const fn = service.functions[0];
  if (!fn) throw new Error('no function');
  const verify = createSigV4Verifier({ credentials: CREDENTIALS, region: REGION });
  const api = createApiServer({ service, region: REGION, verify, bounds });
  const url = createFunctionUrlServer({ fn, service, verify, bounds });
  const endpoints = { api: `${await listen(api)}${INVOKE_PATH}`, url: `${await listen(url)}/` };
  return {
    service,
    servers: { api, url },
    endpoints,
    close: () => Promise.all([closeServer(api), closeServer(url)]),
  };
}

describe('what an unauthenticated client can cost', () => {
  let running: Awaited<ReturnType<typeof startBoth>> | undefined;
  afterEach(() => running?.close());

  it('refuses an unsigned 5 MB upload from its headers, holding none of its body', async () => {
    // Arrange
    const heldBytes = new HeldBytes(64 * 1024 * 1024);
    running = await startBoth({ heldBytes });
    const body = Buffer.alloc(5 * 1024 * 1024, 'a');

    // Act
    const answers = await Promise.all(
      Object.values(running.endpoints).map((endpoint) =>
        sendRaw(
          endpoint,
          ['host', new URL(endpoint).host, 'content-type', 'application/json'],
          body.toString(),
        ),
      ),
    );

    // Assert
    expect(answers.map((answer) => answer.status)).toEqual([403, 403]);
    expect(answers[0]?.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
    expect(heldBytes.peak).toBe(0);
    expect(running.service.invocations).toHaveLength(0);
  });

  for (const frontEnd of ['api', 'url'] as const) {
    it(`${frontEnd}: holds mis-signed bodies within the bound, answers 429 beyond it, and gives the bytes back`, async () => {
      // Arrange: a bound of 1 MiB; the first upload (600 KB, wrong secret) is held open.
      const heldBytes = new HeldBytes(1024 * 1024);
      running = await startBoth({ heldBytes });
      const endpoint = running.endpoints[frontEnd];
      const body = Buffer.alloc(600 * 1024, 'b');
      const headers = [
        ...(await signedHeaders(endpoint, body, WRONG_SECRET)),
        'content-length',
        String(body.length),
      ];
      const first = openRequest(endpoint, headers);
      first.req.write(body.subarray(0, 500 * 1024));
      // Every byte written so far is read and held (on a busy machine that takes a while).
      await vi.waitFor(() => expect(heldBytes.held).toBe(500 * 1024), { timeout: 20_000 });
      const heldWhileOpen = heldBytes.held;

      // Act
      const second = await sendRaw(endpoint, headers, body.toString());
      first.req.end(body.subarray(500 * 1024));
      const firstAnswer = await first.answer;

      // Assert
      expect(heldWhileOpen).toBeGreaterThan(0);
      expect(second.status).toBe(429);
      expect(second.headers['x-amzn-errortype']).toBe('TooManyRequestsException');
      expect(firstAnswer.status).toBe(403);
      expect(firstAnswer.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
      expect(heldBytes.peak).toBeLessThanOrEqual(1024 * 1024);
      expect(heldBytes.held).toBe(0);
      expect(running.service.invocations).toHaveLength(0);
    });

    it(`${frontEnd}: refuses a second Authorization header with 403 IncompleteSignatureException`, async () => {
      // Arrange
      running = await startBoth({});
      const endpoint = running.endpoints[frontEnd];
      const headers = await signedHeaders(endpoint, '{}');
      const authorization =
        headers[headers.findIndex((name) => name.toLowerCase() === 'authorization') + 1] ?? '';

      // Act
      const repeated = await sendRaw(endpoint, [...headers, 'Authorization', authorization], '{}');
      const garbage = await sendRaw(endpoint, [...headers, 'Authorization', 'garbage'], '{}');
      const single = await sendRaw(endpoint, headers, '{}');

      // Assert
      for (const answer of [repeated, garbage]) {
        expect(answer.status).toBe(403);
        expect(answer.headers['x-amzn-errortype']).toBe('IncompleteSignatureException');
        expect(JSON.parse(answer.body).message).toContain('Authorization header must appear once');
      }
      expect(single.status).toBe(200);
      expect(running.service.invocations).toHaveLength(1);
    });

    it(`${frontEnd}: answers connections beyond the ceiling with a 429 in AWS's shape`, async () => {
      // Arrange: two connections allowed, both open.
      running = await startBoth({ maxConnections: 2 });
      const { port } = new URL(running.endpoints[frontEnd]);
      const open = [connect(Number(port), '127.0.0.1'), connect(Number(port), '127.0.0.1')];
      await Promise.all(
        open.map((socket) => new Promise((resolve) => socket.once('connect', resolve))),
      );

      // Act
      const third = connect(Number(port), '127.0.0.1');
      third.end(`POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n`);
      const chunks: Buffer[] = [];
      third.on('data', (chunk: Buffer) => chunks.push(chunk));
      await new Promise((resolve) => third.once('close', resolve));
      for (const socket of open) socket.destroy();

      // Assert
      const text = Buffer.concat(chunks).toString();
      expect(text).toMatch(/^HTTP\/1\.1 429 Too Many Requests\r\n/);
      expect(text).toContain('x-amzn-ErrorType: TooManyRequestsException');
      expect(text).toContain('Rate Exceeded.');
      expect(running.service.invocations).toHaveLength(0);
    });
  }

  it('refuses a correctly presigned (query-string SigV4) URL with the 403 of an unsigned request', async () => {
    // Arrange
    running = await startBoth({});
    const signer = new SignatureV4({
      service: 'lambda',
      region: REGION,
      credentials: CREDENTIALS,
      sha256: NodeSha256,
    });
    const target = new URL(running.endpoints.url);
    const presigned = await signer.presign(
      {
        method: 'POST',
        protocol: 'http:',
        hostname: target.hostname,
        port: Number(target.port),
        path: '/',
        query: {},
        headers: { host: target.host },
      },
      { expiresIn: 300 },
    );
    const query = new URLSearchParams(presigned.query as Record<string, string>).toString();

    // Act
    const answer = await sendRaw(`${running.endpoints.url}?${query}`, ['host', target.host]);

    // Assert
    expect(query).toContain('X-Amz-Signature=');
    expect(answer.status).toBe(403);
    expect(answer.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    expect(JSON.parse(answer.body)).toEqual({ Message: FORBIDDEN_MESSAGE });
    expect(running.service.invocations).toHaveLength(0);
  });

  it('keeps idle keep-alive connections at least 60 s on every front end, with coherent timeouts', async () => {
    // Arrange
    running = await startBoth({});

    // Act
    const servers = Object.values(running.servers);

    // Assert
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThanOrEqual(60_000);
    for (const server of servers) {
      expect(server.keepAliveTimeout).toBe(KEEP_ALIVE_TIMEOUT_MS);
      expect(server.headersTimeout).toBe(HEADERS_TIMEOUT_MS);
      expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
      expect(server.requestTimeout).toBeGreaterThanOrEqual(server.headersTimeout);
    }
  });
});
