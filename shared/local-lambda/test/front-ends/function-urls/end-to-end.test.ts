import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureEmulator, startFixtureEmulator } from '../../fixtures/frontend/emulator.js';
import { curl, sigv4Args } from '../../fixtures/frontend/url-servers.js';

describe('function URLs over real functions', () => {
  let emulator: FixtureEmulator;
  beforeAll(async () => {
    emulator = await startFixtureEmulator();
  });
  afterAll(() => emulator.close());

  it('streams to curl --aws-sigv4: the first bytes arrive before the function finishes', async () => {
    // Arrange
    const gate = emulator.gate.arm();
    let sawFirstBytesWhileHeld = false;

    // Act
    const result = await curl(
      [...sigv4Args(emulator.lambda.credentials), emulator.urlOf('StreamFn')],
      (output) => {
        if (output.endsWith('first|')) {
          void gate.reached.then(() => {
            sawFirstBytesWhileHeld = true;
            gate.open();
          });
        }
      },
    );

    // Assert
    expect(result.code).toBe(0);
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toEqual(['text/plain']);
    expect(result.body.toString()).toBe('first|second');
    expect(sawFirstBytesWhileHeld).toBe(true);
  });

  it('refuses an unsigned request to an AWS_IAM URL with 403', async () => {
    // Act
    const result = await curl([emulator.urlOf('StreamFn')]);

    // Assert
    expect(result.status).toBe(403);
    expect(result.headers.get('x-amzn-errortype')).toEqual(['AccessDeniedException']);
  });

  it('answers with the status, headers and cookies of HttpResponseStream.from', async () => {
    // Act
    const result = await curl([`${emulator.urlOf('HttpFn')}some/path`]);

    // Assert
    expect(result.status).toBe(201);
    expect(result.headers.get('content-type')).toEqual(['text/html']);
    expect(result.headers.get('x-path')).toEqual(['/some/path']);
    expect(result.headers.get('set-cookie')).toEqual(['session=abc; HttpOnly', 'theme=dark']);
    expect(result.body.toString()).toBe('<h1>made</h1>');
  });

  it('truncates the response of a function that fails midstream (curl exit code 18)', async () => {
    // Act
    const result = await curl([emulator.urlOf('FailFn')]);

    // Assert
    expect(result.status).toBe(200);
    expect(result.body.toString()).toBe('partial ');
    expect(result.code).toBe(18);
  });

  it('maps the result of a buffered handler behind a BUFFERED URL', async () => {
    // Act
    const result = await curl([`${emulator.urlOf('EchoFn')}items?x=1`, '-H', 'x-test: yes']);

    // Assert
    expect(result.status).toBe(200);
    const event = JSON.parse(result.body.toString());
    expect(event).toMatchObject({ version: '2.0', rawPath: '/items', rawQueryString: 'x=1' });
    expect(event.headers['x-test']).toBe('yes');
    expect(event.requestContext.requestId).toBe(result.headers.get('x-amzn-requestid')?.[0]);
  });
});
