import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { deferred } from '../fixtures/frontend/deferred.js';
import { FIXTURE_TEMPLATE } from '../fixtures/frontend/emulator.js';
import { closeServer, listen } from '../fixtures/frontend/servers.js';

const BAD_TEMPLATE = fileURLToPath(
  new URL('../fixtures/frontend/bad-runtime.yaml', import.meta.url),
);

function captureIo(stopSignal?: () => Promise<void>) {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: { write: (text: string) => (out.stdout += text) },
      stderr: { write: (text: string) => (out.stderr += text) },
      // Never the process's own signals inside the test worker.
      stopSignal: stopSignal ?? (() => new Promise<void>(() => {})),
    },
  };
}

describe('local-lambda main', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('prints the usage for --help and the version for --version', async () => {
    // Arrange
    const help = captureIo();
    const version = captureIo();

    // Act
    const codes = [await main(['--help'], help.io), await main(['--version'], version.io)];

    // Assert
    expect(codes).toEqual([0, 0]);
    expect(help.out.stdout).toContain('Usage: local-lambda start [options]');
    expect(version.out.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('exits with 2 and the usage for an invalid option', async () => {
    // Arrange
    const { out, io } = captureIo();

    // Act
    const code = await main(['start', '--port', 'abc'], io);

    // Assert
    expect(code).toBe(2);
    expect(out.stderr).toContain(
      "local-lambda: --port must be an integer from 0 to 65535, got 'abc'",
    );
    expect(out.stderr).toContain('Usage: local-lambda start');
  });

  it('exits with 1 naming the file and property of a template it cannot serve', async () => {
    // Arrange
    const { out, io } = captureIo();

    // Act
    const code = await main(['start', '--template', BAD_TEMPLATE, '--port', '0'], io);

    // Assert
    expect(code).toBe(1);
    expect(out.stderr).toContain(
      'bad-runtime.yaml: Resources.PythonFn.Properties.Runtime: runtime "python3.12"',
    );
  });

  it('exits with 1 naming a port that is in use and the option that moves it', async () => {
    // Arrange
    const blocker = createServer();
    const port = Number(new URL(await listen(blocker)).port);
    cleanups.push(() => closeServer(blocker));
    const { out, io } = captureIo();

    // Act
    const code = await main(
      ['start', '-t', FIXTURE_TEMPLATE, '--port', String(port), '--url-port-base', '0'],
      io,
    );

    // Assert
    expect(code).toBe(1);
    expect(out.stderr).toContain(
      `Port ${port} on 127.0.0.1 (the Lambda API) is already in use. Choose another with --port`,
    );
  });

  it('prints the functions, endpoint, credentials and examples, then stops on the signal', async () => {
    // Arrange
    const stop = deferred();
    const { out, io } = captureIo(() => stop.promise);

    // Act
    const running = main(['start', '-t', FIXTURE_TEMPLATE, '--port', '0'], io);
    await expect.poll(() => out.stdout, { timeout: 5000 }).toContain('Press Ctrl-C to stop.');
    stop.resolve();
    const code = await running;

    // Assert
    expect(code).toBe(0);
    expect(out.stdout).toMatch(
      /StreamFn\s+RESPONSE_STREAM\s+AWS_IAM\s+http:\/\/127\.0\.0\.1:\d+\//,
    );
    expect(out.stdout).toMatch(/EchoFn\s+BUFFERED\s+NONE\s+http:\/\/127\.0\.0\.1:\d+\//);
    expect(out.stdout).toMatch(/HangFn\s+-\s+-\s+\(no URL: use the API\)/);
    expect(out.stdout).toMatch(/Lambda API {2}http:\/\/127\.0\.0\.1:\d+/);
    expect(out.stdout).toContain('AWS_ACCESS_KEY_ID=LOCALLAMBDAACCESSKEY');
    expect(out.stdout).toContain(
      'curl -N --aws-sigv4 "aws:amz:us-east-1:lambda" --user "LOCALLAMBDAACCESSKEY:local-lambda-secret-access-key"',
    );
    expect(out.stdout).toContain('aws lambda list-functions --endpoint-url http://127.0.0.1:');
  });
});
