import { describe, expect, it } from 'vitest';
import {
  regionFromFunctionUrl,
  signFunctionUrlRequest,
  signingRegion,
} from '../../src/client/index.js';

const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };

describe('regionFromFunctionUrl', () => {
  it.each([
    ['https://abcdefghij0123456789abcdefghij01.lambda-url.us-east-1.on.aws/', 'us-east-1'],
    ['https://abc.lambda-url.eu-west-1.on.aws/path?x=1', 'eu-west-1'],
    ['https://ABC.LAMBDA-URL.AP-SOUTHEAST-2.ON.AWS', 'ap-southeast-2'],
    ['https://abc.lambda-url.us-gov-west-1.on.aws:443/', 'us-gov-west-1'],
    ['http://127.0.0.1:3001/', undefined],
    ['https://api.example.com/', undefined],
    ['https://lambda.us-east-1.amazonaws.com/', undefined],
    ['https://a.b.lambda-url.us-east-1.on.aws/', undefined],
  ])('reads the region of %s as %s', (url, expected) => {
    // Arrange, Act
    const region = regionFromFunctionUrl(url);

    // Assert
    expect(region).toBe(expected);
  });
});

describe('signingRegion', () => {
  it('prefers an explicit region over the host', () => {
    // Arrange
    const url = new URL('https://abc.lambda-url.us-east-1.on.aws/');

    // Act
    const region = signingRegion(url, 'eu-central-1');

    // Assert
    expect(region).toBe('eu-central-1');
  });

  it('throws a message that names the URL and the option when there is no region', () => {
    // Arrange
    const url = new URL('http://127.0.0.1:3001/');

    // Act
    const resolving = () => signingRegion(url);

    // Assert
    expect(resolving).toThrow(/http:\/\/127\.0\.0\.1:3001.*region: 'us-east-1'/);
  });
});

describe('signFunctionUrlRequest', () => {
  it('signs for the region of a lambda-url host and service lambda', async () => {
    // Arrange
    const url = 'https://abc.lambda-url.eu-west-1.on.aws/';

    // Act
    const signed = await signFunctionUrlRequest(url, {
      credentials,
      signingDate: new Date('2026-11-30T09:54:03Z'),
    });

    // Assert
    expect(signed.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/20261130\/eu-west-1\/lambda\/aws4_request, /,
    );
    expect(signed.headers['x-amz-date']).toBe('20261130T095403Z');
    expect(signed.headers.host).toBe('abc.lambda-url.eu-west-1.on.aws');
  });

  it('hashes the body into x-amz-content-sha256 and sets content-length', async () => {
    // Arrange
    const body = 'hello';

    // Act
    const signed = await signFunctionUrlRequest('http://127.0.0.1:3001/', {
      method: 'POST',
      body,
      region: 'us-east-1',
      credentials,
    });

    // Assert
    expect(signed.headers['x-amz-content-sha256']).toBe(
      '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
    );
    expect(signed.headers['content-length']).toBe('5');
    expect(signed.headers.host).toBe('127.0.0.1:3001');
  });

  it('produces the same signature for the same date, and another for another date', async () => {
    // Arrange
    const init = { region: 'us-east-1', credentials };
    const date = new Date('2026-11-30T09:54:03Z');

    // Act
    const first = await signFunctionUrlRequest('http://127.0.0.1:3001/', {
      ...init,
      signingDate: date,
    });
    const again = await signFunctionUrlRequest('http://127.0.0.1:3001/', {
      ...init,
      signingDate: date,
    });
    const later = await signFunctionUrlRequest('http://127.0.0.1:3001/', {
      ...init,
      signingDate: new Date(date.getTime() + 1000),
    });

    // Assert
    expect(again.headers.authorization).toBe(first.headers.authorization);
    expect(later.headers.authorization).not.toBe(first.headers.authorization);
  });
});
