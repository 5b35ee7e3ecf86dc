import { afterEach, describe, expect, it } from 'vitest';
import type { FakeInvocation } from '../../fixtures/frontend/fake-service.js';
import { type RunningUrl, startUrl } from '../../fixtures/frontend/url-servers.js';

const cors = {
  allowCredentials: false,
  allowHeaders: ['content-type', 'x-api-key'],
  allowMethods: ['GET', 'POST'],
  allowOrigins: ['https://app.example'],
  exposeHeaders: ['x-request-id'],
  maxAge: 300,
};

async function withOwnCors(invocation: FakeInvocation) {
  invocation.start('application/vnd.awslambda.http-integration-response');
  const head = { statusCode: 200, headers: { 'access-control-allow-origin': '*', 'x-own': '1' } };
  await invocation.write(
    Buffer.concat([Buffer.from(JSON.stringify(head)), Buffer.alloc(8), Buffer.from('ok')]),
  );
  invocation.finish();
}

describe('function URL CORS', () => {
  let running: RunningUrl;
  afterEach(() => running.close());

  it('answers a preflight from the configuration without invoking the function', async () => {
    // Arrange
    running = await startUrl({ authType: 'AWS_IAM', cors }, withOwnCors);

    // Act
    const response = await fetch(running.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    });

    // Assert
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type, x-api-key');
    expect(response.headers.get('access-control-max-age')).toBe('300');
    expect(running.service.invocations).toHaveLength(0);
  });

  it("replaces the function's CORS headers with the URL's", async () => {
    // Arrange
    running = await startUrl({ cors }, withOwnCors);

    // Act
    const allowed = await fetch(running.url, { headers: { origin: 'https://app.example' } });
    const other = await fetch(running.url, { headers: { origin: 'https://other.example' } });

    // Assert
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(allowed.headers.get('access-control-expose-headers')).toBe('x-request-id');
    expect(allowed.headers.get('x-own')).toBe('1');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(await other.text()).toBe('ok');
  });

  it('passes preflights to the function when the URL has no CORS configuration', async () => {
    // Arrange
    running = await startUrl({}, withOwnCors);

    // Act
    const response = await fetch(running.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    });

    // Assert
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(running.service.invocations).toHaveLength(1);
  });
});
