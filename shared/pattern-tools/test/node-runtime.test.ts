import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  esbuildNodeTarget,
  nodeMajor,
  templateNodeRuntime,
  templateTestEnvironment,
} from '../src/index.js';
import { copyFixture, editTemplate, removeCopy } from './helpers.js';

describe('the Node.js runtime of a template', () => {
  let dir = '';

  beforeEach(async () => {
    dir = await copyFixture('greeting');
  });

  afterEach(async () => {
    await removeCopy(dir);
  });

  it('reads the one runtime every function runs, and the environment that makes the tests follow it', async () => {
    // Act
    const runtime = await templateNodeRuntime(join(dir, 'template.yaml'));
    const env = await templateTestEnvironment(join(dir, 'template.yaml'));

    // Assert
    expect(runtime).toBe('nodejs24.x');
    expect(env).toEqual({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x' });
  });

  it('refuses a template whose functions run on different runtimes', async () => {
    // Arrange
    await editTemplate(
      dir,
      'Handler: legacy.handler',
      'Handler: legacy.handler\n      Runtime: nodejs22.x',
    );

    // Act
    const result = templateNodeRuntime(join(dir, 'template.yaml'));

    // Assert
    await expect(result).rejects.toThrow(
      /template\.yaml: expected one Runtime for every function, found nodejs24\.x, nodejs22\.x$/,
    );
  });

  it('maps runtimes to majors and to the oldest esbuild target', () => {
    // Act
    const majors = ['nodejs24.x', 'nodejs22.x', 'python3.13', 'nodejs'].map(nodeMajor);
    const target = esbuildNodeTarget(['nodejs24.x', 'nodejs22.x']);
    const notNode = () => esbuildNodeTarget(['provided.al2023']);

    // Assert
    expect(majors).toEqual([24, 22, undefined, undefined]);
    expect(target).toBe('node22');
    expect(notNode).toThrow('Runtime "provided.al2023" is not a Node.js runtime (nodejs<major>.x)');
  });
});
