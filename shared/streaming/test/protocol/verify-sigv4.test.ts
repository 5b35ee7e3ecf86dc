import { createHash } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { NodeSha256 } from '../../src/node-sha256.js';
import { createSigV4Verifier, type ReceivedRequest } from '../../src/protocol/index.js';

const credentials = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };
const signingDate = new Date('2026-11-30T09:54:03Z');
const now = () => signingDate;
const verify = createSigV4Verifier({ credentials, region: 'us-east-1', now });
const ARN_PATH =
  '/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3AFn/invocations';

interface SignOptions {
  path?: string;
  query?: Record<string, string | string[]>;
  body?: string;
  headers?: Record<string, string>;
  region?: string;
  service?: string;
  secret?: string;
  /** SigV4 for S3: the path is encoded once. */
  singleEncodedPath?: boolean;
}

/** Signs like the SDK does (it is the SDK's signer), then shapes the request as received. */
async function signed(options: SignOptions = {}, rawQuery?: string): Promise<ReceivedRequest> {
  const signer = new SignatureV4({
    service: options.service ?? 'lambda',
    region: options.region ?? 'us-east-1',
    credentials: { ...credentials, secretAccessKey: options.secret ?? credentials.secretAccessKey },
    sha256: NodeSha256,
    uriEscapePath: !options.singleEncodedPath,
  });
  const body = options.body ?? '';
  const request = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 3000,
      path: options.path ?? ARN_PATH,
      query: options.query ?? {},
      headers: { host: '127.0.0.1:3000', 'content-type': 'application/json', ...options.headers },
      body,
    },
    { signingDate },
  );
  const query = rawQuery ?? new URLSearchParams(options.query as Record<string, string>).toString();
  return {
    method: 'POST',
    rawPath: request.path,
    rawQuery: query,
    rawHeaders: Object.entries(request.headers).flat(),
    body: Buffer.from(body),
  };
}

function withHeader(
  request: ReceivedRequest,
  name: string,
  value: string | undefined,
): ReceivedRequest {
  const pairs: string[] = [];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    if (request.rawHeaders[i]?.toLowerCase() !== name)
      pairs.push(request.rawHeaders[i] ?? '', request.rawHeaders[i + 1] ?? '');
  }
  if (value !== undefined) pairs.push(name, value);
  return { ...request, rawHeaders: pairs };
}

describe('SigV4 verification', () => {
  it('accepts an ARN path that the SDK percent-encoded, signed with the second encoding', async () => {
    // Act
    const result = await verify(await signed());

    // Assert
    expect(result).toEqual({ ok: true, accessKeyId: 'AKIDLOCAL' });
  });

  it('rejects an ARN path signed with a single encoding, as AWS does for non-S3 services', async () => {
    // Act
    const result = await verify(await signed({ singleEncodedPath: true }));

    // Assert
    expect(result.ok).toBe(false);
    expect(!result.ok && result.failure.errorType).toBe('InvalidSignatureException');
  });

  it('canonicalizes the query: decoded, re-encoded and sorted whatever the order received', async () => {
    // Arrange
    const request = await signed(
      { query: { Qualifier: '$LATEST', b: ['2', '1'], a: 'x y' } },
      'b=2&Qualifier=%24LATEST&a=x%20y&b=1',
    );

    // Act
    const result = await verify(request);

    // Assert
    expect(result.ok).toBe(true);
  });

  it('hashes the body when the request carries no x-amz-content-sha256, as curl 7.88 sends it', async () => {
    // Arrange
    const request = withHeader(
      await signed({ body: '{"a":1}' }),
      'x-amz-content-sha256',
      undefined,
    );
    const curlLike = await signedWithoutContentHash('{"a":1}');

    // Act
    const stripped = await verify(request);
    const result = await verify(curlLike);
    const tampered = await verify({ ...curlLike, body: Buffer.from('{"a":2}') });

    // Assert
    expect(stripped.ok).toBe(false);
    expect(result.ok).toBe(true);
    expect(tampered.ok).toBe(false);
  });

  it('rejects an x-amz-content-sha256 that does not match the body', async () => {
    // Arrange
    const request = await signed({ body: '{"a":1}' });

    // Act
    const result = await verify({ ...request, body: Buffer.from('{"a":2}') });

    // Assert
    expect(!result.ok && result.failure.errorType).toBe('InvalidSignatureException');
  });

  it('rejects a signature older than five minutes with AWS’s expiry message', async () => {
    // Arrange
    const later = createSigV4Verifier({
      credentials,
      region: 'us-east-1',
      now: () => new Date('2026-11-30T10:00:04Z'),
    });

    // Act
    const result = await later(await signed());

    // Assert
    expect(!result.ok && result.failure).toEqual({
      errorType: 'InvalidSignatureException',
      message:
        'Signature expired: 20261130T095403Z is now earlier than 20261130T095504Z (20261130T100004Z - 5 min.)',
    });
  });

  it('rejects a signature more than five minutes in the future', async () => {
    // Arrange
    const earlier = createSigV4Verifier({
      credentials,
      region: 'us-east-1',
      now: () => new Date('2026-11-30T09:48:00Z'),
    });

    // Act
    const result = await earlier(await signed());

    // Assert
    expect(!result.ok && result.failure.message).toMatch(
      /^Signature not yet current: 20261130T095403Z is still later than/,
    );
  });

  it.each([
    ['region', { region: 'eu-west-1' }, 'Credential should be scoped to a valid region.'],
    [
      'service',
      { service: 'execute-api' },
      "Credential should be scoped to correct service: 'lambda'.",
    ],
  ])('rejects a signature scoped to the wrong %s', async (_case, options: SignOptions, message) => {
    // Act
    const result = await verify(await signed(options));

    // Assert
    expect(!result.ok && result.failure).toEqual({
      errorType: 'InvalidSignatureException',
      message,
    });
  });

  it('rejects an unknown access key and a wrong secret differently', async () => {
    // Arrange
    const otherKey = createSigV4Verifier({
      credentials: { ...credentials, accessKeyId: 'OTHER' },
      region: 'us-east-1',
      now,
    });

    // Act
    const unknown = await otherKey(await signed());
    const wrongSecret = await verify(await signed({ secret: 'nope' }));

    // Assert
    expect(!unknown.ok && unknown.failure.errorType).toBe('UnrecognizedClientException');
    expect(!wrongSecret.ok && wrongSecret.failure.message).toMatch(
      /^The request signature we calculated does not match/,
    );
  });

  it('requires the configured session token in x-amz-security-token', async () => {
    // Arrange
    const withToken = createSigV4Verifier({
      credentials: { ...credentials, sessionToken: 'tok' },
      region: 'us-east-1',
      now,
    });

    // Act
    const good = await withToken(await signed({ headers: { 'x-amz-security-token': 'tok' } }));
    const bad = await withToken(await signed({ headers: { 'x-amz-security-token': 'other' } }));
    const missing = await withToken(await signed());

    // Assert
    expect(good.ok).toBe(true);
    expect(!bad.ok && bad.failure.errorType).toBe('UnrecognizedClientException');
    expect(!missing.ok && missing.failure.errorType).toBe('UnrecognizedClientException');
  });

  it('tells a missing signature from an incomplete one', async () => {
    // Arrange
    const request = await signed();

    // Act
    const missing = await verify(withHeader(request, 'authorization', undefined));
    const incomplete = await verify(
      withHeader(
        request,
        'authorization',
        'AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20261130/us-east-1/lambda/aws4_request',
      ),
    );
    const noDate = await verify(withHeader(request, 'x-amz-date', undefined));

    // Assert
    expect(!missing.ok && missing.failure).toEqual({
      errorType: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
    expect(!incomplete.ok && incomplete.failure.errorType).toBe('IncompleteSignatureException');
    expect(!incomplete.ok && incomplete.failure.message).toContain(
      "requires 'Signature' parameter",
    );
    expect(!noDate.ok && noDate.failure.errorType).toBe('IncompleteSignatureException');
  });

  it('refuses a second Authorization header, repeated or garbage, though one signature verifies', async () => {
    // Arrange
    const request = await signed();
    const authorization = request.rawHeaders.findIndex(
      (name) => name.toLowerCase() === 'authorization',
    );
    const value = request.rawHeaders[authorization + 1] ?? '';
    const twice = (second: string) => ({
      ...request,
      rawHeaders: [...request.rawHeaders, 'Authorization', second],
    });

    // Act
    const results = await Promise.all([verify(twice(value)), verify(twice('garbage'))]);

    // Assert
    expect(await verify(request)).toMatchObject({ ok: true });
    for (const result of results) {
      expect(!result.ok && result.failure.errorType).toBe('IncompleteSignatureException');
      expect(!result.ok && result.failure.message).toContain('must appear once');
    }
  });

  it('says a Date header without X-Amz-Date is not read, instead of asking for a Date header', async () => {
    // Arrange
    const request = withHeader(await signed(), 'x-amz-date', undefined);

    // Act
    const result = await verify(withHeader(request, 'date', 'Mon, 30 Nov 2026 09:54:03 GMT'));

    // Assert
    expect(!result.ok && result.failure.errorType).toBe('IncompleteSignatureException');
    expect(!result.ok && result.failure.message).toContain(
      "this request has a 'Date' header ('Mon, 30 Nov 2026 09:54:03 GMT') and no 'X-Amz-Date'",
    );
  });

  it('checks everything but the signature before the body is read (head)', async () => {
    // Arrange
    const { body: _body, ...good } = await signed({ body: '{"a":1}' });
    const unsigned = withHeader({ ...good, body: Buffer.alloc(0) }, 'authorization', undefined);

    // Act
    const passed = verify.head?.(good);
    const refused = verify.head?.(unsigned);
    const wrongRegion = verify.head?.(await signed({ region: 'eu-west-1' }));

    // Assert
    expect(passed).toBeUndefined();
    expect(refused?.errorType).toBe('MissingAuthenticationTokenException');
    expect(wrongRegion?.message).toBe('Credential should be scoped to a valid region.');
  });

  it('ignores headers that were not signed', async () => {
    // Arrange
    const request = withHeader(await signed(), 'user-agent', 'something else');

    // Act
    const result = await verify(withHeader(request, 'x-extra', 'added by a proxy'));

    // Assert
    expect(result.ok).toBe(true);
  });
});

/** Signs `host;x-amz-date` and the body hash without sending x-amz-content-sha256, like curl. */
async function signedWithoutContentHash(body: string): Promise<ReceivedRequest> {
  const signer = new SignatureV4({
    service: 'lambda',
    region: 'us-east-1',
    credentials,
    sha256: NodeSha256,
    applyChecksum: false,
  });
  const request = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      path: '/fn',
      query: {},
      headers: { host: '127.0.0.1:3001' },
      body,
    },
    { signingDate },
  );
  expect(request.headers['x-amz-content-sha256']).toBeUndefined();
  expect(createHash('sha256').update(body).digest('hex')).toHaveLength(64);
  return {
    method: 'POST',
    rawPath: '/fn',
    rawQuery: '',
    rawHeaders: Object.entries(request.headers).flat(),
    body: Buffer.from(body),
  };
}
