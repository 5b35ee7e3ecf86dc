import { fileURLToPath } from 'node:url';
import { SIGNATURE_MISMATCH_MESSAGE } from '@lambda-streaming/streaming/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createScriptSandbox, type ScriptSandbox } from './script-sandbox.js';
import { type Expected, type IamFunctionUrl, startIamFunctionUrl } from './sigv4-server.js';

const script = fileURLToPath(new URL('../curl-sigv4', import.meta.url));
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test/secret+key' };
const token = 'IQoJb3JpZ2luX2VjEJr//token+with/slashes==';

let sandbox: ScriptSandbox;
let server: IamFunctionUrl | undefined;

const keys = {
  AWS_ACCESS_KEY_ID: credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
};

async function start(
  expected: Expected,
  respond: Parameters<typeof startIamFunctionUrl>[1] = (res) => res.end('ok'),
) {
  server = await startIamFunctionUrl(expected, respond);
  return server;
}

const run: ScriptSandbox['run'] = (...args) => sandbox.run(...args);
const fakeAws: ScriptSandbox['fakeAws'] = (body) => sandbox.fakeAws(body);

beforeAll(async () => {
  sandbox = await createScriptSandbox(script);
});

afterAll(async () => {
  await sandbox.dispose();
});

afterEach(async () => {
  await sandbox.removeFakeAws();
  await server?.close();
  server = undefined;
});

describe('scripts/curl-sigv4', () => {
  it('signs for service lambda with keys and session token from the environment', async () => {
    // Arrange
    const { origin, seen } = await start({
      credentials: { ...credentials, sessionToken: token },
      region: 'us-east-1',
    });

    // Act
    const result = await run(['--region', 'us-east-1', `${origin}/`, '-sS'], {
      ...keys,
      AWS_SESSION_TOKEN: token,
    });

    // Assert
    expect(result).toMatchObject({ code: 0, stdout: 'ok' });
    expect(seen[0]?.verdict).toBe('ok');
    expect(seen[0]?.headers['x-amz-security-token']).toBe(token);
    expect(String(seen[0]?.headers.authorization)).toContain(
      'SignedHeaders=host;x-amz-date;x-amz-security-token,',
    );
  });

  it('streams: curl prints the first chunk before the function ends', async () => {
    // Arrange
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { origin } = await start({ credentials, region: 'us-east-1' }, async (res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first\n');
      await released;
      res.end('last\n');
    });

    // Act
    const result = await run(['--region', 'us-east-1', origin, '-sS'], keys, release);

    // Assert
    expect(result).toMatchObject({ code: 0, stdout: 'first\nlast\n' });
  });

  it('passes curl options through: -X POST -d, a signed content-type, -i, -w', async () => {
    // Arrange
    const { origin, seen } = await start({ credentials, region: 'eu-west-1' }, (res) => {
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"made":true}');
    });
    const args = ['-sS', '-i', '-X', 'POST', '-d', '{"n":3}', '-w', '\n%{http_code}'];

    // Act
    const result = await run(
      [
        `${origin}/orders?a=1&b=2`,
        '--region',
        'eu-west-1',
        ...args,
        '-H',
        'content-type: application/json',
      ],
      keys,
    );

    // Assert
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^HTTP\/1\.1 201/);
    expect(result.stdout).toMatch(/\{"made":true\}\n201$/);
    expect(seen[0]).toMatchObject({ verdict: 'ok', method: 'POST', url: '/orders?a=1&b=2' });
    expect(seen[0]?.body.toString()).toBe('{"n":3}');
    expect(String(seen[0]?.headers.authorization)).toContain(
      'SignedHeaders=content-type;host;x-amz-date,',
    );
  });

  it('is refused by the verifier when signed with another secret', async () => {
    // Arrange
    const { origin, seen } = await start({ credentials, region: 'us-east-1' });

    // Act
    const result = await run(['--region', 'us-east-1', origin, '-sS', '-w', ' %{http_code}'], {
      ...keys,
      AWS_SECRET_ACCESS_KEY: 'another-secret',
    });

    // Assert
    expect(result).toMatchObject({ code: 0, stdout: `${SIGNATURE_MISMATCH_MESSAGE} 403` });
    expect(seen[0]?.verdict).toBe('InvalidSignatureException');
  });

  it('takes the region from a lambda-url host', async () => {
    // Arrange
    const { port, seen } = await start({ credentials, region: 'ap-southeast-2' });
    const host = 'abc123.lambda-url.ap-southeast-2.on.aws';

    // Act
    const result = await run(
      [`http://${host}/`, '-sS', '--connect-to', `${host}:80:127.0.0.1:${port}`],
      keys,
    );

    // Assert
    expect(result).toMatchObject({ code: 0, stdout: 'ok' });
    expect(seen[0]?.headers.host).toBe(host);
    expect(String(seen[0]?.headers.authorization)).toContain('/ap-southeast-2/lambda/aws4_request');
  });

  it('falls back to AWS_REGION for a local URL without --region', async () => {
    // Arrange
    const { origin, seen } = await start({ credentials, region: 'us-west-2' });

    // Act
    const result = await run([origin, '-sS'], { ...keys, AWS_REGION: 'us-west-2' });

    // Assert
    expect(result).toMatchObject({ code: 0, stdout: 'ok' });
    expect(seen[0]?.verdict).toBe('ok');
  });

  it('fails with exit code 120 and says to pass --region for a local URL', async () => {
    // Arrange
    const url = 'http://127.0.0.1:3001/';

    // Act
    const result = await run([url], keys);

    // Assert
    expect(result.code).toBe(120);
    expect(result.stderr).toContain('--region');
  });

  it('uses aws configure export-credentials with --profile when the AWS CLI has it', async () => {
    // Arrange
    const { origin, seen } = await start({
      credentials: { ...credentials, sessionToken: token },
      region: 'us-east-1',
    });
    await fakeAws(
      [
        `[[ "$*" == "configure export-credentials --format env-no-export --profile dev" ]] || exit 9`,
        `echo AWS_ACCESS_KEY_ID=${credentials.accessKeyId}`,
        `echo AWS_SECRET_ACCESS_KEY=${credentials.secretAccessKey}`,
        `echo AWS_SESSION_TOKEN=${token}`,
        'echo AWS_CREDENTIAL_EXPIRATION=2026-11-30T12:00:00+00:00',
      ].join('\n'),
    );

    // Act
    const result = await run(['--profile', 'dev', '--region', 'us-east-1', origin, '-sS'], keys);

    // Assert
    expect(result).toMatchObject({ code: 0, stdout: 'ok' });
    expect(seen[0]?.verdict).toBe('ok');
  });

  it('fails with exit code 121 naming the variables when only AWS CLI v1 is there', async () => {
    // Arrange
    await fakeAws(
      [
        'echo "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]" >&2',
        'echo "aws: error: argument subcommand: Invalid choice, valid choices are:" >&2',
        'exit 2',
      ].join('\n'),
    );

    // Act
    const result = await run(['--region', 'us-east-1', 'http://127.0.0.1:3001/']);

    // Assert
    expect(result.code).toBe(121);
    expect(result.stderr).toContain('AWS CLI v2');
    expect(result.stderr).toContain('AWS_ACCESS_KEY_ID');
  });

  it('fails with exit code 121 when there are no credentials and no AWS CLI', async () => {
    // Arrange
    const url = 'https://abc.lambda-url.us-east-1.on.aws/';

    // Act
    const result = await run([url]);

    // Assert
    expect(result.code).toBe(121);
    expect(result.stderr).toMatch(/No AWS credentials found\. Set AWS_ACCESS_KEY_ID/);
  });

  it('prints its usage with --help', async () => {
    // Arrange, Act
    const result = await run(['--help']);

    // Assert
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: curl-sigv4');
  });
});
