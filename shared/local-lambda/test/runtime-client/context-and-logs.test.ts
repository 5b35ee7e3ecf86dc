import { describe, expect, it } from 'vitest';
import { bodyOf } from './helpers/fake-runtime-api.js';
import { logLines, useRuntimeHarness } from './helpers/harness.js';

const harness = useRuntimeHarness();

async function streamedJson(
  handler: string,
  headers?: Record<string, string>,
  deadlineMs?: number,
) {
  const api = harness.api();
  const runtime = harness.start(`streaming.${handler}`);
  const requestId = api.enqueue({ headers, deadlineMs });
  const response = await api.waitForResponse(requestId);
  return { runtime, requestId, body: JSON.parse(bodyOf(response).toString()) };
}

describe('the streaming context (RIC StreamingContext, InvokeContext)', () => {
  it('carries the invocation and function data, in the key order seen on Lambda', async () => {
    // Arrange
    const headers = {
      'Lambda-Runtime-Client-Context': '{"custom":{"a":"b"}}',
      'Lambda-Runtime-Cognito-Identity': '{"cognitoIdentityId":"id-1"}',
    };

    // Act
    const { body, requestId } = await streamedJson('context', headers, Date.now() + 60_000);

    // Assert
    expect(body).toMatchObject({
      succeed: 'undefined',
      waits: true,
      traceId: 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1',
      functionName: 'test-fn',
      functionVersion: '$LATEST',
      memoryLimitInMB: '128',
      logGroupName: '/aws/lambda/test-fn',
      logStreamName: '2026/01/01/[$LATEST]0123456789abcdef',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:test-fn',
      awsRequestId: requestId,
      clientContext: { custom: { a: 'b' } },
      identity: { cognitoIdentityId: 'id-1' },
    });
    expect(body.keys).toEqual([
      'callbackWaitsForEmptyEventLoop',
      'functionVersion',
      'functionName',
      'memoryLimitInMB',
      'logGroupName',
      'logStreamName',
      'clientContext',
      'identity',
      'invokedFunctionArn',
      'awsRequestId',
      'tenantId',
      'getRemainingTimeInMillis',
    ]);
  });

  it('computes the remaining time from Lambda-Runtime-Deadline-Ms', async () => {
    // Arrange / Act
    const { body } = await streamedJson('context', undefined, Date.now() + 60_000);

    // Assert
    expect(body.remaining).toBeGreaterThan(50_000);
    expect(body.remaining).toBeLessThanOrEqual(60_000);
  });

  it('clears _X_AMZN_TRACE_ID when the invocation has no trace id', async () => {
    // Arrange / Act
    const { body } = await streamedJson('context', { 'Lambda-Runtime-Trace-Id': '' });

    // Assert
    expect(body.traceId).toBeNull();
  });

  it('hands the handler only the response stream members RIC exposes', async () => {
    // Arrange / Act
    const { body } = await streamedJson('streamMembers');

    // Assert
    expect(body.members).toEqual(
      [
        '_onBeforeFirstWrite',
        'addListener',
        'cork',
        'destroy',
        'destroyed',
        'emit',
        'end',
        'eventNames',
        'getMaxListeners',
        'listenerCount',
        'listeners',
        'off',
        'on',
        'once',
        'prependListener',
        'prependOnceListener',
        'rawListeners',
        'removeAllListeners',
        'removeListener',
        'setContentType',
        'setMaxListeners',
        'uncork',
        'writable',
        'writableBuffer',
        'writableCorked',
        'writableEnded',
        'writableFinished',
        'writableHighWaterMark',
        'writableLength',
        'writableNeedDrain',
        'writableObjectMode',
        'write',
      ].sort(),
    );
  });

  it('creates the response socket with the highWaterMark given to streamifyResponse', async () => {
    // Arrange
    const api = harness.api();
    harness.start('streaming.smallHighWaterMark');

    // Act
    const response = await api.waitForResponse(api.enqueue());

    // Assert
    expect(bodyOf(response).toString()).toBe('x1024');
  });

  it('leaves the socket highWaterMark at its default without the option', async () => {
    // Arrange
    const api = harness.api();
    harness.start('streaming.defaultHighWaterMark');

    // Act
    const response = await api.waitForResponse(api.enqueue());

    // Assert
    expect(bodyOf(response).toString()).not.toBe('x1024');
  });
});

describe('log lines (RIC LogPatch, text format)', () => {
  it('prefixes every console line with time, request id and level on stdout', async () => {
    // Arrange
    const api = harness.api();
    const runtime = harness.start('streaming.logs');

    // Act
    await api.waitForResponse(api.enqueue());

    // Assert
    const lines = logLines(await runtime.waitForStdout(/\tFATAL\tlast line\n/));
    expect(lines.map(([, requestId, level, message]) => [requestId, level, message])).toEqual([
      ['req-1', 'INFO', 'line one\rline two'],
      ['req-1', 'INFO', 'info 42'],
      ['req-1', 'WARN', 'warned'],
      ['req-1', 'ERROR', 'failed'],
      ['req-1', 'DEBUG', 'debugged'],
      ['req-1', 'TRACE', 'traced'],
      ['req-1', 'FATAL', 'last line'],
    ]);
    expect(lines[0]?.[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(runtime.stderr()).toBe('');
  });

  it('drops the levels below AWS_LAMBDA_LOG_LEVEL', async () => {
    // Arrange
    const api = harness.api();
    const runtime = harness.start('streaming.logs', { env: { AWS_LAMBDA_LOG_LEVEL: 'WARN' } });

    // Act
    await api.waitForResponse(api.enqueue());

    // Assert
    const stdout = await runtime.waitForStdout(/\tFATAL\tlast line\n/);
    expect(logLines(stdout).map((fields) => fields[2])).toEqual(['WARN', 'ERROR', 'FATAL']);
  });
});
