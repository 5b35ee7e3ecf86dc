import { createServer } from 'node:http';
import { InvokeCommand, TooManyRequestsException } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { liveChildCount } from '../../src/environments/child-registry.js';
import { type FixtureEmulator, startFixtureEmulator } from '../fixtures/frontend/emulator.js';
import { curl } from '../fixtures/frontend/url-servers.js';

/** A port from which `count` consecutive ports are free right now. */
async function freePortRun(count: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const servers = [];
    try {
      for (let offset = 0; offset < count; offset += 1) {
        const server = createServer();
        servers.push(server);
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(base + offset, '127.0.0.1', resolve);
        });
      }
      return base;
    } catch {
      // taken: try another run
    } finally {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    }
  }
  throw new Error('no run of free ports found');
}

describe('startLocalLambda', () => {
  let emulator: FixtureEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it('gives the function URLs consecutive ports from urlPortBase, in template order', async () => {
    // Arrange
    const base = await freePortRun(4);

    // Act
    emulator = await startFixtureEmulator({ urlPortBase: base });

    // Assert
    expect(emulator.lambda.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.lambda.region).toBe('us-east-1');
    expect(emulator.lambda.functions).toEqual([
      {
        name: 'StreamFn',
        arn: 'arn:aws:lambda:us-east-1:123456789012:function:StreamFn',
        url: `http://127.0.0.1:${base}/`,
        invokeMode: 'RESPONSE_STREAM',
        authType: 'AWS_IAM',
      },
      expect.objectContaining({ name: 'HttpFn', url: `http://127.0.0.1:${base + 1}/` }),
      expect.objectContaining({ name: 'FailFn', url: `http://127.0.0.1:${base + 2}/` }),
      expect.objectContaining({
        name: 'EchoFn',
        url: `http://127.0.0.1:${base + 3}/`,
        invokeMode: 'BUFFERED',
      }),
      { name: 'HangFn', arn: 'arn:aws:lambda:us-east-1:123456789012:function:HangFn' },
    ]);
  });

  it('answers TooManyRequestsException beyond maxConcurrency', async () => {
    // Arrange
    emulator = await startFixtureEmulator({ maxConcurrency: 1 });
    const gate = emulator.gate.arm();
    const first = emulator.client.send(new InvokeCommand({ FunctionName: 'StreamFn' }));
    await gate.reached;

    // Act
    const second = await emulator.client
      .send(new InvokeCommand({ FunctionName: 'HttpFn' }))
      .catch((error) => error);
    gate.open();
    const firstResult = await first;

    // Assert
    expect(second).toBeInstanceOf(TooManyRequestsException);
    expect(Buffer.from(firstResult.Payload ?? []).toString()).toBe('first|second');
  });

  it('checks signatures against the credentials it is given, session token included', async () => {
    // Arrange
    const credentials = {
      accessKeyId: 'AKIDCUSTOM',
      secretAccessKey: 'custom-secret',
      sessionToken: 'custom-token',
    };
    emulator = await startFixtureEmulator({ credentials });
    const sign = ['--aws-sigv4', 'aws:amz:us-east-1:lambda', '--user', 'AKIDCUSTOM:custom-secret'];

    // Act
    const signed = await curl([
      ...sign,
      '-H',
      'x-amz-security-token: custom-token',
      emulator.urlOf('StreamFn'),
    ]);
    const withDefaults = await curl([
      ...[
        '--aws-sigv4',
        'aws:amz:us-east-1:lambda',
        '--user',
        'LOCALLAMBDAACCESSKEY:local-lambda-secret-access-key',
      ],
      emulator.urlOf('StreamFn'),
    ]);

    // Assert
    expect(emulator.lambda.credentials).toEqual(credentials);
    expect(signed.status).toBe(200);
    expect(withDefaults.status).toBe(403);
  });

  it('stops every runtime process on close()', async () => {
    // Arrange
    emulator = await startFixtureEmulator();
    await curl([emulator.urlOf('HttpFn')]);
    const running = liveChildCount();

    // Act
    await emulator.close();
    emulator = undefined;

    // Assert
    expect(running).toBeGreaterThan(0);
    expect(liveChildCount()).toBe(0);
  });
});
