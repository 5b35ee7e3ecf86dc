import type { LambdaFunctionURLEventWithIAMAuthorizer } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createFunctionUrlEvent } from '../../src/wire/index.js';

const base = {
  method: 'post',
  rawPath: '/a%20b',
  requestId: 'req-1',
  urlId: 'abc123',
  domainName: 'abc123.lambda-url.us-east-1.on.aws',
  accountId: '123456789012',
  time: new Date(Date.UTC(2020, 2, 12, 19, 3, 58)),
};

describe('function URL event', () => {
  it('builds the payload format 2.0 envelope', () => {
    // Act
    const event = createFunctionUrlEvent(base);

    // Assert
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/a%20b',
      rawQueryString: '',
      isBase64Encoded: false,
      requestContext: {
        accountId: 'anonymous',
        apiId: 'abc123',
        http: { method: 'POST', path: '/a b', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1' },
        requestId: 'req-1',
        stage: '$default',
        time: '12/Mar/2020:19:03:58 +0000',
        timeEpoch: 1584039838000,
      },
    });
  });

  it('lowercases headers, joins repeats and moves cookies to their own field', () => {
    // Act
    const event = createFunctionUrlEvent({
      ...base,
      headers: { 'X-Multi': ['1', '2'], Cookie: 'a=1; b=2', 'User-Agent': 'curl/7.88.1' },
    });

    // Assert
    expect(event.headers).toEqual({ 'x-multi': '1,2', 'user-agent': 'curl/7.88.1' });
    expect(event.cookies).toEqual(['a=1', 'b=2']);
    expect(event.requestContext.http.userAgent).toBe('curl/7.88.1');
  });

  it('joins repeated query keys with commas', () => {
    // Act
    const event = createFunctionUrlEvent({ ...base, rawQueryString: 'a=1&a=2&b=x%20y' });

    // Assert
    expect(event.queryStringParameters).toEqual({ a: '1,2', b: 'x y' });
  });

  it('base64-encodes a binary body and keeps a text body as text', () => {
    // Act
    const binary = createFunctionUrlEvent({ ...base, body: new Uint8Array([0, 255]) });
    const text = createFunctionUrlEvent({
      ...base,
      body: Buffer.from('{"a":1}'),
      headers: { 'content-type': 'application/json' },
    });

    // Assert
    expect(binary).toMatchObject({ body: 'AP8=', isBase64Encoded: true });
    expect(text).toMatchObject({ body: '{"a":1}', isBase64Encoded: false });
  });

  it('adds the IAM authorizer only for signed requests', () => {
    // Arrange
    const iam = {
      accessKey: 'AKID',
      accountId: '123456789012',
      callerId: 'CALLER',
      userArn: 'arn:aws:iam::123456789012:user/me',
      userId: 'CALLER',
    };

    // Act
    const signed = createFunctionUrlEvent({
      ...base,
      iam,
    }) as LambdaFunctionURLEventWithIAMAuthorizer;

    // Assert
    expect(signed.requestContext.authorizer.iam).toMatchObject({ accessKey: 'AKID' });
    expect(signed.requestContext.accountId).toBe('123456789012');
    expect('authorizer' in createFunctionUrlEvent(base).requestContext).toBe(false);
  });
});
