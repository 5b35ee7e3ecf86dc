import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintTemplates } from '../src/index.js';
import { copyFixture, editTemplate, fixturePath, removeCopy } from './helpers.js';

// cfn-lint starts a Python interpreter and the SAM translator: 2-4 s per call.
const CFN_LINT_TIMEOUT = 60_000;

describe('lintTemplates', () => {
  let dir = '';

  beforeEach(async () => {
    dir = await copyFixture('greeting');
  });

  afterEach(async () => {
    await removeCopy(dir);
  });

  it('passes a template that cfn-lint finds nothing in', {
    timeout: CFN_LINT_TIMEOUT,
  }, async () => {
    // Arrange
    const cwd = fixturePath('greeting');

    // Act
    const result = await lintTemplates(['template.yaml'], { cwd, capture: true });

    // Assert
    expect(result).toEqual({
      ok: true,
      exitCode: 0,
      errors: false,
      warnings: false,
      informational: false,
      output: '',
    });
  });

  it('fails a template with a deprecated runtime', { timeout: CFN_LINT_TIMEOUT }, async () => {
    // Arrange
    await editTemplate(dir, 'Runtime: nodejs24.x', 'Runtime: nodejs20.x');

    // Act
    const result = await lintTemplates([join(dir, 'template.yaml')], { capture: true });

    // Assert
    expect(result.ok).toBe(false);
    expect(result.errors || result.warnings).toBe(true);
    expect(result.output).toContain("Runtime 'nodejs20.x' was deprecated");
  });

  it('explains how to install cfn-lint when it is not on PATH', async () => {
    // Arrange
    const options = { command: 'cfn-lint-that-is-not-installed', cwd: dir };

    // Act
    const result = lintTemplates(['template.yaml'], options);

    // Assert
    await expect(result).rejects.toThrow('`pip install cfn-lint`');
    await expect(result).rejects.toThrow('.ci/run');
  });
});
