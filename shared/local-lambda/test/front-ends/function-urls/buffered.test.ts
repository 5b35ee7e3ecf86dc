import { afterEach, describe, expect, it } from 'vitest';
import type { FakeInvocation } from '../../fixtures/frontend/fake-service.js';
import { curl, type RunningUrl, startUrl } from '../../fixtures/frontend/url-servers.js';

function returning(result: string) {
  return async (invocation: FakeInvocation) => {
    invocation.start('application/json', false);
    await invocation.write(result);
    invocation.finish();
  };
}

describe('BUFFERED function URL', () => {
  let running: RunningUrl;
  afterEach(() => running.close());

  it('maps a result object to status, headers, cookies and a base64 body', async () => {
    // Arrange
    const result = {
      statusCode: 404,
      headers: { 'content-type': 'image/png', 'x-count': 3 },
      cookies: ['a=1', 'b=2'],
      body: Buffer.from([0x89, 0x50]).toString('base64'),
      isBase64Encoded: true,
    };
    running = await startUrl({ invokeMode: 'BUFFERED' }, returning(JSON.stringify(result)));

    // Act
    const response = await curl([running.url]);

    // Assert
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toEqual(['image/png']);
    expect(response.headers.get('x-count')).toEqual(['3']);
    expect(response.headers.get('set-cookie')).toEqual(['a=1', 'b=2']);
    expect(response.headers.get('content-length')).toEqual(['2']);
    expect([...response.body]).toEqual([0x89, 0x50]);
    expect(running.service.invocations[0]?.request.delivery).toBe('buffer');
  });

  it.each([
    ['JSON without statusCode', '{"message":"hi"}', '{"message":"hi"}'],
    ['a JSON string', '"Hello, world!"', 'Hello, world!'],
    ['a JSON number', '42', '42'],
  ])('answers %s as 200 application/json', async (_case, result, body) => {
    // Arrange
    running = await startUrl({ invokeMode: 'BUFFERED' }, returning(result));

    // Act
    const response = await curl([running.url]);

    // Assert
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toEqual(['application/json']);
    expect(response.body.toString()).toBe(body);
  });

  it.each([
    [
      'a function error',
      (invocation: FakeInvocation) =>
        invocation.finish({ error: { errorType: 'Error', errorMessage: 'x' } }),
    ],
    ['an invalid statusCode', returning('{"statusCode":"teapot"}')],
  ])('answers %s with 502', async (_case, behaviour) => {
    // Arrange
    running = await startUrl({ invokeMode: 'BUFFERED' }, behaviour);

    // Act
    const response = await curl([running.url]);

    // Assert
    expect(response.status).toBe(502);
    expect(response.body.toString()).toBe('Internal Server Error');
  });
});
