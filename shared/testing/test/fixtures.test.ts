import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LambdaFunctionURLEventWithIAMAuthorizer } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import {
  createContext,
  functionUrlEvent,
  installAwslambdaGlobal,
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
  it('counts the remaining time down from the timeout', () => {
    // Arrange
    vi.useFakeTimers({ now: 0 });
    const context = createContext({ timeoutMs: 1000 });

    // Act
    vi.advanceTimersByTime(400);

    // Assert
    expect(context.getRemainingTimeInMillis()).toBe(600);
    vi.useRealTimers();
  });

  it('has no succeed/fail/done for streaming handlers', () => {
    // Assert
    expect(() => createContext().succeed('x')).toThrow(/do not exist/);
  });
});

describe('awslambda global', () => {
  it('is installed by the setup file and can be replaced per test', () => {
    // Act
    const installed = installAwslambdaGlobal();

    // Assert
    expect(globalThis.awslambda).toBe(installed);
    vi.unstubAllGlobals();
  });
});
