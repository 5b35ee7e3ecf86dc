/**
 * `runtimeClient: 'official'` runs the aws-lambda-ric of the function's runtime: 3.3.0 for
 * nodejs22.x (`bin/index.mjs <handler>`), 4.x for nodejs24.x (`index.mjs`, no handler argument),
 * and never hands 4.x `AWS_LAMBDA_MAX_CONCURRENCY`. Missing clients give an error that says what to do.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  locateOfficialClient,
  officialClientFor,
} from '../../src/environments/official-runtime-client.js';
import {
  RuntimeClientNotFoundError,
  resolveRuntimeCommand,
} from '../../src/environments/runtime-command.js';
import { runtimeSpawnSpec } from '../../src/environments/runtime-spawn.js';
import type { LocalFunction } from '../../src/functions/local-function.js';

const installed = (runtime: string) => {
  try {
    locateOfficialClient(officialClientFor(runtime));
    return true;
  } catch {
    return false;
  }
};

function fn(runtime: string, environment: Record<string, string> = {}): LocalFunction {
  return {
    name: 'Fn',
    arn: 'arn:aws:lambda:us-east-1:123456789012:function:Fn',
    definition: {
      logicalId: 'Fn',
      templatePath: '/tmp/template.yaml',
      handler: 'app.handler',
      codeUri: '/tmp',
      runtime,
      architectures: ['x86_64'],
      timeout: 3,
      memorySize: 128,
      environment,
    },
  };
}

describe('official runtime client per Node.js runtime', () => {
  it('picks 3.3.0 for nodejs22.x and 4.x for nodejs24.x', () => {
    // Arrange / Act
    const [v22, v24] = [officialClientFor('nodejs22.x'), officialClientFor('nodejs24.x')];

    // Assert
    expect([v22.packageName, v22.major]).toEqual(['aws-lambda-ric', 3]);
    expect([v24.packageName, v24.major]).toEqual(['aws-lambda-ric-4', 4]);
  });

  it.runIf(installed('nodejs22.x'))('starts 3.3.0 as bin/index.mjs with the handler', () => {
    // Act
    const command = resolveRuntimeCommand('official', '/node22', 'app.handler', 'nodejs22.x');

    // Assert
    expect(command.argv).toEqual([
      '/node22',
      join(command.runtimeDir, 'bin', 'index.mjs'),
      'app.handler',
    ]);
    expect(existsSync(join(command.runtimeDir, 'dist', 'rapid-client.node'))).toBe(true);
  });

  it.runIf(installed('nodejs24.x'))('starts 4.x as index.mjs, the handler in _HANDLER only', () => {
    // Act
    const command = resolveRuntimeCommand('official', '/node24', 'app.handler', 'nodejs24.x');

    // Assert
    expect(command.argv).toEqual(['/node24', join(command.runtimeDir, 'index.mjs')]);
    expect(existsSync(join(command.runtimeDir, 'rapid-client.node'))).toBe(true);
  });

  it.runIf(installed('nodejs24.x'))('never passes AWS_LAMBDA_MAX_CONCURRENCY to 4.x', () => {
    // Arrange
    const warnings: string[] = [];
    const options = {
      fn: fn('nodejs24.x', { AWS_LAMBDA_MAX_CONCURRENCY: '4', KEPT: 'yes' }),
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
      runtimeClient: 'official' as const,
      warn: (message: string) => warnings.push(message),
    };

    // Act
    const { options: spawn } = runtimeSpawnSpec(options, '127.0.0.1:9001');

    // Assert
    expect(spawn.env?.AWS_LAMBDA_MAX_CONCURRENCY).toBeUndefined();
    expect(spawn.env?.KEPT).toBe('yes');
    expect(spawn.env?._HANDLER).toBe('app.handler');
    expect(warnings).toContain(
      "Not passed to nodejs24.x's runtime client: AWS_LAMBDA_MAX_CONCURRENCY.",
    );
  });

  it('says how to install 4.x when it is missing (npm skips it under Node.js < 22)', () => {
    // Arrange
    const missing = { ...officialClientFor('nodejs24.x'), packageName: 'aws-lambda-ric-missing' };

    // Act / Assert
    expect(() => locateOfficialClient(missing)).toThrow(RuntimeClientNotFoundError);
    expect(() => locateOfficialClient(missing)).toThrow(/is not installed: .*engines\.node >=22/);
  });

  it.runIf(installed('nodejs22.x'))('says the native part is missing when it was not built', () => {
    // Arrange: 3.3.0's package, looked for where 4.x keeps its native part
    const unbuilt = { ...officialClientFor('nodejs22.x'), nativeModule: 'no-such.node' };

    // Act / Assert
    expect(() => locateOfficialClient(unbuilt)).toThrow(/has no native part \(no-such\.node\)/);
  });
});
