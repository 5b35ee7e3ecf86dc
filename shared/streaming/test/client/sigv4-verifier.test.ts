import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { signFunctionUrlRequest } from '../../src/client/index.js';
import { type ReceivedRequest, verifySigV4 } from './helpers/sigv4-verifier.js';

// The test helper must reject what AWS rejects, or the signing tests prove nothing.
describe('the SigV4 test verifier', () => {
  it('accepts the get-vanilla vector of the AWS SigV4 test suite', () => {
    // Arrange
    const request: ReceivedRequest = {
      method: 'GET',
      url: '/',
      headers: {
        host: 'example.amazonaws.com',
        'x-amz-date': '20150830T123600Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ' +
          'SignedHeaders=host;x-amz-date, ' +
          'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
      },
      body: Buffer.alloc(0),
    };
    const credentials = {
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    };

    // Act
    const result = verifySigV4(request, { credentials, region: 'us-east-1', service: 'service' });

    // Assert
    expect(result).toEqual({ ok: true, signedHeaders: ['host', 'x-amz-date'] });
  });

  it.each([
    ['a changed body', { body: Buffer.from('{"id":2}') }, 'x-amz-content-sha256'],
    ['a changed path', { url: '/other?a=1' }, 'signature mismatch'],
    ['a changed query', { url: '/orders?a=2' }, 'signature mismatch'],
    ['a changed host', { host: 'evil:1' }, 'signature mismatch'],
  ])('rejects %s', async (_label, change, reason) => {
    // Arrange
    const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
    const signed = await signFunctionUrlRequest('http://127.0.0.1:3001/orders?a=1', {
      method: 'POST',
      body: '{"id":1}',
      region: 'us-east-1',
      credentials,
    });
    const { host, ...rest } = change as { host?: string; url?: string; body?: Buffer };
    const request: ReceivedRequest = {
      method: 'POST',
      url: '/orders?a=1',
      headers: { ...signed.headers, ...(host ? { host } : {}) },
      body: Buffer.from('{"id":1}'),
      ...rest,
    };

    // Act
    const result = verifySigV4(request, { credentials, region: 'us-east-1' });

    // Assert
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining(reason) });
  });
});
