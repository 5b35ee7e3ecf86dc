import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Runs `npm run test:e2e -- <args>` as a user without any AWS configuration would. */
function runE2e(cwd: string, home: string, args: string[]) {
  const env = { PATH: process.env.PATH, HOME: home }; // no AWS_*, no ~/.aws
  const started = performance.now();
  const child = spawn('npm', ['run', 'test:e2e', '--', ...args], { cwd, env });
  let output = '';
  child.stdout.on('data', (data: Buffer) => {
    output += data.toString();
  });
  child.stderr.on('data', (data: Buffer) => {
    output += data.toString();
  });
  return new Promise<{ code: number | null; output: string; ms: number }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, ms: performance.now() - started }));
  });
}

describe('test:e2e --target aws without credentials', { concurrent: true, timeout: 60_000 }, () => {
  let home: string;
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'e2e-home-'));
  });
  afterAll(() => rm(home, { recursive: true, force: true }));

  it.for([
    ['the repository root', '.'],
    ['a pattern folder', 'patterns/sdk-invoke'],
  ])('stops at once in %s, saying what to set', async ([, folder = '.']) => {
    // Act
    const run = await runE2e(join(REPO_ROOT, folder), home, ['--target', 'aws']);

    // Assert
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('Cannot run --target aws: no region');
    for (const name of [
      'AWS_PROFILE',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_REGION',
    ]) {
      expect(run.output).toContain(name);
    }
    expect(run.output).toContain('sam deploy --guided');
    // Before any build or test: about a second here (more on a busy machine), far from the
    // minute that building and running the suite would take.
    expect(run.ms).toBeLessThan(20_000);
  });

  it('refuses an unknown target with exit code 2', async () => {
    // Act
    const run = await runE2e(REPO_ROOT, home, ['--target', 'staging']);

    // Assert
    expect(run.code).toBe(2);
    expect(run.output).toContain('--target must be local or aws, not "staging".');
  });
});
