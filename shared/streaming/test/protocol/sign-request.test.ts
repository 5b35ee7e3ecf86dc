import { describe, expect, it } from 'vitest';
import { NodeSha256 } from '../../src/node-sha256.js';
import {
  createSigV4Signer,
  createSigV4Verifier,
  type ReceivedRequest,
  SIGNATURE_MISMATCH_MESSAGE,
  type SignedRequest,
  withCanonicalQuery,
} from '../../src/protocol/index.js';

const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const region = 'us-east-1';
const verify = createSigV4Verifier({ credentials, region, sha256: NodeSha256 });

/** The signed request as a server receives it. */
function asReceived(signed: SignedRequest): ReceivedRequest {
  const body = signed.body ?? '';
  return {
    method: signed.method,
    rawPath: signed.url.pathname,
    rawQuery: signed.url.search.slice(1),
    rawHeaders: Object.entries(signed.headers).flat(),
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
  };
}

function replaceHeader(request: ReceivedRequest, name: string, value: string): ReceivedRequest {
  const rawHeaders = [...request.rawHeaders];
  const index = rawHeaders.findIndex((header, i) => i % 2 === 0 && header.toLowerCase() === name);
  rawHeaders[index + 1] = value;
  return { ...request, rawHeaders };
}

describe('createSigV4Signer', () => {
  it('signs like the SDK: host, x-amz-content-sha256, x-amz-date and every given header', async () => {
    // Arrange
    const sign = createSigV4Signer({ credentials, region });

    // Act
    const signed = await sign({
      url: new URL('http://127.0.0.1:3001/orders?b=2&a=1'),
      method: 'post',
      headers: { 'content-type': 'application/json' },
      body: '{"id":1}',
    });

    // Assert
    expect(signed.method).toBe('POST');
    expect(signed.url.search).toBe('?a=1&b=2');
    expect(signed.headers.host).toBe('127.0.0.1:3001');
    expect(signed.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/us-east-1\/lambda\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    expect(await verify(asReceived(signed))).toEqual({ ok: true, accessKeyId: 'AKIDTEST' });
  });

  it('resolves credentials from a provider and signs their session token', async () => {
    // Arrange
    const sign = createSigV4Signer({
      credentials: async () => ({ ...credentials, sessionToken: 'tok' }),
      region,
      sha256: NodeSha256,
    });
    const withToken = createSigV4Verifier({
      credentials: { ...credentials, sessionToken: 'tok' },
      region,
    });

    // Act
    const signed = await sign({ url: new URL('http://127.0.0.1:3001/') });

    // Assert
    expect(signed.headers['x-amz-security-token']).toBe('tok');
    expect(signed.headers.authorization).toContain(';x-amz-security-token,');
    expect((await withToken(asReceived(signed))).ok).toBe(true);
  });

  it('signs for execute-api when asked, which a lambda verifier refuses', async () => {
    // Arrange
    const sign = createSigV4Signer({ credentials, region, service: 'execute-api' });
    const apiVerifier = createSigV4Verifier({ credentials, region, service: 'execute-api' });

    // Act
    const signed = asReceived(
      await sign({ url: new URL('http://127.0.0.1:3000/prod/items/a%20b') }),
    );

    // Assert
    expect(await apiVerifier(signed)).toEqual({ ok: true, accessKeyId: 'AKIDTEST' });
    expect(await verify(signed)).toEqual({
      ok: false,
      failure: {
        errorType: 'InvalidSignatureException',
        message: "Credential should be scoped to correct service: 'lambda'.",
      },
    });
  });

  it.each([
    [
      'a changed body',
      (r: ReceivedRequest) => ({ ...r, body: new TextEncoder().encode('{"id":2}') }),
    ],
    ['a changed path', (r: ReceivedRequest) => ({ ...r, rawPath: '/other' })],
    ['a changed query', (r: ReceivedRequest) => ({ ...r, rawQuery: 'a=2' })],
    ['a changed host', (r: ReceivedRequest) => replaceHeader(r, 'host', 'evil:1')],
  ])('makes the verifier refuse %s, as a signature mismatch', async (_label, tamper) => {
    // Arrange
    const sign = createSigV4Signer({ credentials, region });
    const signed = await sign({
      url: new URL('http://127.0.0.1:3001/orders?a=1'),
      method: 'POST',
      body: '{"id":1}',
    });

    // Act
    const result = await verify(tamper(asReceived(signed)));

    // Assert
    expect(result).toEqual({
      ok: false,
      failure: { errorType: 'InvalidSignatureException', message: SIGNATURE_MISMATCH_MESSAGE },
    });
  });
});

describe('withCanonicalQuery', () => {
  it('sorts by key then value and encodes as RFC 3986, leaving the URL given unchanged', () => {
    // Arrange
    const url = new URL('http://[::1]:3001/a%20b?b=2&a=x y&a=(1)&c=*');

    // Act
    const canonical = withCanonicalQuery(url);

    // Assert
    expect(canonical.href).toBe('http://[::1]:3001/a%20b?a=%281%29&a=x%20y&b=2&c=%2A');
    expect(url.search).toBe('?b=2&a=x%20y&a=(1)&c=*');
  });
});
