import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LambdaFunctionURLEventWithIAMAuthorizer } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createContext,
  functionUrlEvent,
  installAwslambdaGlobal,
  removeAwslambdaGlobal,
  runtimeFromEnvironment,
  sampleEvent,
} from '../src/index.js';

describe('function URL event factory', () => {
  it('splits the path from the query string', () => {
    // Act
    const event = functionUrlEvent({ path: '/report?format=csv&x=1' });

    // Assert
    expect(event.rawPath).toBe('/report');
    expect(event.rawQueryString).toBe('format=csv&x=1');
    expect(event.queryStringParameters).toEqual({ format: 'csv', x: '1' });
  });

  it('signs as an IAM caller by default and anonymously for NONE', () => {
    // Act
    const iam = functionUrlEvent() as LambdaFunctionURLEventWithIAMAuthorizer;
    const open = functionUrlEvent({ authType: 'NONE' });

    // Assert
    expect(iam.requestContext.authorizer.iam.accessKey).toBe('AKIAIOSFODNN7EXAMPLE');
    expect('authorizer' in open.requestContext).toBe(false);
  });

  it('gives each event its own request id', () => {
    // Assert
    expect(functionUrlEvent().requestContext.requestId).not.toBe(
      functionUrlEvent().requestContext.requestId,
    );
  });
});

describe('sample events', () => {
  it('reads an events/*.json file as the event a handler receives', async () => {
    // Arrange
    const dir = mkdtempSync(join(tmpdir(), 'sample-event-'));
    const file = join(dir, 'function-url-get.json');
    writeFileSync(file, JSON.stringify(functionUrlEvent({ path: '/?pad=1' })));

    try {
      // Act
      const event = await sampleEvent(pathToFileURL(file));

      // Assert
      expect(event.rawQueryString).toBe('pad=1');
      expect(event.requestContext.http.method).toBe('GET');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file it cannot read', async () => {
    // Act + Assert
    await expect(sampleEvent('/nonexistent/events/missing.json')).rejects.toThrow(
      /^Cannot read the sample event \/nonexistent\/events\/missing\.json: ENOENT/,
    );
  });
});

describe('context fixture', () => {
  it('counts the remaining time down from the timeout, past zero as the runtime does', () => {
    // Arrange
    vi.useFakeTimers({ now: 0 });
    const context = createContext({ timeoutMs: 1000 });

    // Act
    vi.advanceTimersByTime(400);
    const remaining = context.getRemainingTimeInMillis();
    vi.advanceTimersByTime(700);

    // Assert
    expect(remaining).toBe(600);
    expect(context.getRemainingTimeInMillis()).toBe(-100);
    vi.useRealTimers();
  });

  it('builds the nodejs22.x streaming context: the event-loop flag first, no succeed/fail/done', () => {
    // Act
    const context = createContext({ runtime: 'nodejs22.x' });

    // Assert
    expect(Object.keys(context)).toEqual([
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
    expect(context.callbackWaitsForEmptyEventLoop).toBe(true);
    expect(() => context.succeed('x')).toThrow(TypeError);
  });

  it('builds the nodejs24.x context: header data first, no event-loop flag', () => {
    // Act
    const context = createContext({ runtime: 'nodejs24.x', xRayTraceId: 'Root=1-abc' });

    // Assert
    expect(Object.keys(context)).toEqual([
      'clientContext',
      'identity',
      'invokedFunctionArn',
      'awsRequestId',
      'tenantId',
      'xRayTraceId',
      'getRemainingTimeInMillis',
      'functionName',
      'functionVersion',
      'memoryLimitInMB',
      'logGroupName',
      'logStreamName',
    ]);
    expect('callbackWaitsForEmptyEventLoop' in context).toBe(false);
    expect(context.memoryLimitInMB).toBe('128');
    expect(createContext({ runtime: 'nodejs24.x' })).toHaveProperty('xRayTraceId', '');
  });
});

describe('awslambda global', () => {
  afterEach(() => {
    installAwslambdaGlobal();
  });

  it('is installed by the setup file, before the test module ran', () => {
    // Assert
    expect(typeof globalThis.awslambda.streamifyResponse).toBe('function');
    expect(typeof globalThis.awslambda.HttpResponseStream.from).toBe('function');
  });

  it('replaces an existing global on nodejs22.x and keeps its other members on nodejs24.x', () => {
    // Arrange
    Object.assign(globalThis.awslambda, { InvokeStore: 'kept' });

    // Act
    const on24 = installAwslambdaGlobal('nodejs24.x');
    const on22 = installAwslambdaGlobal('nodejs22.x');

    // Assert
    expect(on24).toHaveProperty('InvokeStore', 'kept');
    expect(on22).not.toHaveProperty('InvokeStore');
    expect(globalThis.awslambda).toBe(on22);
  });

  it('is removed again, back to what was there before the first install', () => {
    // Act
    removeAwslambdaGlobal();

    // Assert
    expect('awslambda' in globalThis).toBe(false);
  });
});

describe('runtime from the environment', () => {
  it('follows the AWS_EXECUTION_ENV that Lambda sets, and ignores other services', () => {
    // Act
    const named = runtimeFromEnvironment({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x' });
    const other = runtimeFromEnvironment({ AWS_EXECUTION_ENV: 'AWS_ECS_FARGATE' });

    // Assert
    expect(named).toBe('nodejs24.x');
    expect(other).toBe('nodejs22.x');
  });

  it('refuses a Lambda runtime it does not follow', () => {
    // Act
    const act = () => runtimeFromEnvironment({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x' });

    // Assert
    expect(act).toThrow(/AWS_Lambda_nodejs22\.x or AWS_Lambda_nodejs24\.x/);
  });
});
