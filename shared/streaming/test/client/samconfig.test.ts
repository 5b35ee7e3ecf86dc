import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSamconfigStackName, stackNameFromSamconfig } from '../../src/client/index.js';

describe('samconfig.toml stack name', () => {
  it('reads the stack name from the global parameters of samconfig.toml', () => {
    // Arrange
    const toml = 'version = 0.1\n[default.global.parameters]\nstack_name = "sdk-invoke"\n';

    // Act / Assert
    expect(stackNameFromSamconfig(toml)).toBe('sdk-invoke');
  });

  it('prefers the deploy parameters, which sam deploy --guided writes', () => {
    // Arrange
    const toml = [
      '[default.global.parameters]',
      'stack_name = "sdk-invoke"',
      '[default.deploy.parameters]',
      'stack_name = "my-sdk-invoke"',
    ].join('\n');

    // Act / Assert
    expect(stackNameFromSamconfig(toml)).toBe('my-sdk-invoke');
  });

  it('returns nothing when no section names a stack', () => {
    // Act / Assert
    expect(
      stackNameFromSamconfig('[default.deploy.parameters]\nresolve_s3 = true\n'),
    ).toBeUndefined();
  });

  it('reads the file of a pattern folder, and nothing when there is none', async () => {
    // Arrange
    const dir = mkdtempSync(join(tmpdir(), 'samconfig-'));
    const empty = mkdtempSync(join(tmpdir(), 'samconfig-'));
    writeFileSync(join(dir, 'samconfig.toml'), '[default.global.parameters]\nstack_name = "x"\n');

    // Act / Assert
    try {
      expect(await readSamconfigStackName(dir)).toBe('x');
      expect(await readSamconfigStackName(empty)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true });
      rmSync(empty, { recursive: true });
    }
  });
});
