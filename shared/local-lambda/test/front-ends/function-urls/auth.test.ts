import { afterEach, describe, expect, it } from 'vitest';
import type { FakeInvocation } from '../../fixtures/frontend/fake-service.js';
import { CREDENTIALS } from '../../fixtures/frontend/servers.js';
import { curl, type RunningUrl, sigv4Args, startUrl } from '../../fixtures/frontend/url-servers.js';

const FORBIDDEN =
  'Forbidden. For troubleshooting Function URL authorization issues, see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html';

async function echoEvent(invocation: FakeInvocation) {
  invocation.start('application/json');
  await invocation.write(invocation.request.payload);
  invocation.finish();
}

describe('AWS_IAM function URL', () => {
  let running: RunningUrl;
  afterEach(() => running.close());

  it('accepts a request signed by curl --aws-sigv4 and tells the function who signed it', async () => {
    // Arrange
    running = await startUrl({ authType: 'AWS_IAM' }, echoEvent);

    // Act
    const result = await curl([...sigv4Args(), `${running.url}items/42?b=2&c=3`]);

    // Assert
    expect(result.status).toBe(200);
    const event = JSON.parse(result.body.toString());
    expect(event.rawPath).toBe('/items/42');
    expect(event.rawQueryString).toBe('b=2&c=3');
    expect(event.requestContext.authorizer.iam.accessKey).toBe(CREDENTIALS.accessKeyId);
    expect(event.requestContext.accountId).toBe('123456789012');
  });

  it('accepts a signed POST whose body curl hashed without x-amz-content-sha256', async () => {
    // Arrange
    running = await startUrl({ authType: 'AWS_IAM' }, echoEvent);

    // Act
    const result = await curl([
      ...sigv4Args(),
      '-H',
      'content-type: application/json',
      '--data-binary',
      '{"n":1}',
      running.url,
    ]);

    // Assert
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body.toString()).body).toBe('{"n":1}');
  });

  it('rejects what AWS rejects: curl 7.88 signs a percent-encoded path once, not twice', async () => {
    // Arrange
    running = await startUrl({ authType: 'AWS_IAM' }, echoEvent);

    // Act
    const result = await curl([...sigv4Args(), `${running.url}items/a%20b`]);

    // Assert
    expect(result.status).toBe(403);
    expect(result.headers.get('x-amzn-errortype')).toEqual(['InvalidSignatureException']);
  });

  it('answers an unsigned request with 403 AccessDeniedException', async () => {
    // Arrange
    running = await startUrl({ authType: 'AWS_IAM' }, echoEvent);

    // Act
    const result = await curl([running.url]);

    // Assert
    expect(result.status).toBe(403);
    expect(result.headers.get('x-amzn-errortype')).toEqual(['AccessDeniedException']);
    expect(result.headers.get('x-amzn-requestid')?.[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(result.body.toString())).toEqual({ Message: FORBIDDEN });
    expect(running.service.invocations).toHaveLength(0);
  });

  it('answers a request signed with the wrong secret with 403 InvalidSignatureException', async () => {
    // Arrange
    running = await startUrl({ authType: 'AWS_IAM' }, echoEvent);

    // Act
    const result = await curl([
      ...sigv4Args({ ...CREDENTIALS, secretAccessKey: 'wrong' }),
      running.url,
    ]);

    // Assert
    expect(result.status).toBe(403);
    expect(result.headers.get('x-amzn-errortype')).toEqual(['InvalidSignatureException']);
    expect(JSON.parse(result.body.toString()).message).toMatch(
      /^The request signature we calculated/,
    );
  });

  it('requires the session token when the emulator has one', async () => {
    // Arrange
    const credentials = { ...CREDENTIALS, sessionToken: 'local-session-token' };
    running = await startUrl({ authType: 'AWS_IAM' }, echoEvent, { credentials });

    // Act
    const withToken = await curl([...sigv4Args(credentials), running.url]);
    const withoutToken = await curl([...sigv4Args(CREDENTIALS), running.url]);

    // Assert
    expect(withToken.status).toBe(200);
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.headers.get('x-amzn-errortype')).toEqual(['UnrecognizedClientException']);
  });

  it('lets any request through to a NONE URL, without an authorizer in the event', async () => {
    // Arrange
    running = await startUrl({ authType: 'NONE' }, echoEvent);

    // Act
    const result = await curl([
      ...['-X', 'PUT', '-H', 'Cookie: a=1; b=2', '-H', 'content-type: application/octet-stream'],
      ...['--data-binary', '\u0001binary', running.url],
    ]);

    // Assert
    expect(result.status).toBe(200);
    const event = JSON.parse(result.body.toString());
    expect(event.requestContext.authorizer).toBeUndefined();
    expect(event.requestContext.http.method).toBe('PUT');
    expect(event.cookies).toEqual(['a=1', 'b=2']);
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body, 'base64').toString()).toBe('\u0001binary');
    expect(event.headers['x-forwarded-proto']).toBe('http');
  });

  it('answers 413 for a request body over 6 MB', async () => {
    // Arrange
    running = await startUrl({ authType: 'NONE' }, echoEvent);

    // Act
    const response = await fetch(running.url, {
      method: 'POST',
      body: Buffer.alloc(6_291_557, 97),
    });

    // Assert
    expect(response.status).toBe(413);
    expect(running.service.invocations).toHaveLength(0);
  });
});
