import { fileURLToPath } from 'node:url';
import { stackNameFromSamconfig } from '@lambda-streaming/streaming/client';
import { describe, expect, it } from 'vitest';
import { parseE2eArgs, stacksByPattern, UsageError } from '../../src/e2e/cli/args.js';
import { planRun } from '../../src/e2e/cli/plan.js';
import { E2eSetupError } from '../../src/e2e/errors.js';
import { e2eSettings } from '../../src/e2e/settings.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url)).replace(/\/$/, '');

describe('e2e options', () => {
  it('names a bare --stack after the one pattern being run', () => {
    // Act
    const stacks = stacksByPattern(['demo', 'ttfb-write=pages'], 'sdk-invoke');

    // Assert
    expect(stacks).toEqual({ 'sdk-invoke': 'demo', 'ttfb-write': 'pages' });
  });

  it('asks for the pattern of a bare --stack when several patterns run', () => {
    // Act
    const act = () => stacksByPattern(['demo'], undefined);

    // Assert
    expect(act).toThrow(UsageError);
    expect(act).toThrow('--stack ttfb-write=demo');
  });

  it('runs vitest over the e2e files in a pattern folder, with the settings in the environment', () => {
    // Act
    const plan = planRun(
      parseE2eArgs(['--target', 'aws', '--stack', 'demo']),
      `${REPO_ROOT}/patterns/sdk-invoke`,
      {},
    );

    // Assert
    expect(plan.command).toEqual(['vitest', 'run', '.e2e.test.']);
    expect(plan.patterns).toEqual(['sdk-invoke']);
    expect(plan.env).toEqual({ E2E_TARGET: 'aws', E2E_STACKS: '{"sdk-invoke":"demo"}' });
  });

  it('runs every pattern through turbo at the root, or those named with --pattern', () => {
    // Act
    const all = planRun(parseE2eArgs([]), REPO_ROOT, {});
    const one = planRun(parseE2eArgs(['--pattern', 'large-pdf']), REPO_ROOT, {});

    // Assert
    expect(all.target).toBe('local');
    expect(all.patterns).toEqual([
      'large-pdf',
      'rest-api-stream',
      'sdk-invoke',
      'ttfb-pipeline',
      'ttfb-write',
    ]);
    expect(all.command).toEqual(['turbo', 'run', 'test:e2e', '--continue']);
    expect(one.command.at(-1)).toBe('--filter=./patterns/large-pdf');
    expect(one.env.E2E_NESTED).toBe('1');
  });

  it('refuses a pattern that does not exist', () => {
    // Act
    const act = () => planRun(parseE2eArgs(['--pattern', 'nope']), REPO_ROOT, {});

    // Assert
    expect(act).toThrow('No pattern named nope');
  });

  it('reads the target and stacks handed down by a root run, local by default', () => {
    // Act
    const handed = e2eSettings({ E2E_TARGET: 'aws', E2E_STACKS: '{"ttfb-write":"pages"}' });

    // Assert
    expect(handed).toEqual({ kind: 'aws', stacks: { 'ttfb-write': 'pages' } });
    expect(e2eSettings({})).toEqual({ kind: 'local', stacks: {} });
    expect(() => e2eSettings({ E2E_STACKS: '["pages"]' })).toThrow(E2eSetupError);
  });

  it('takes the stack name of sam deploy from samconfig.toml', () => {
    // Arrange
    const toml = [
      '[default.global.parameters]',
      'stack_name = "global"',
      '[default.deploy.parameters]',
      'stack_name = "deploy"',
    ].join('\n');

    // Act
    const name = stackNameFromSamconfig(toml);

    // Assert
    expect(name).toBe('deploy');
    expect(stackNameFromSamconfig('version = 0.1')).toBeUndefined();
  });
});
