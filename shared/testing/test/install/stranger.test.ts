import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CommandResult,
  createStrangerProject,
  type StrangerProject,
} from './stranger-project.js';

/**
 * Issue 16's "done when": in an empty folder outside the repository, with the two tarballs and
 * a test runner installed, a test of a handler that uses awslambda.streamifyResponse and
 * HttpResponseStream.from passes under vitest and under jest, and the handler type-checks under
 * tsc --strict with no declaration of its own. The fixture folder beside this file is that
 * project's code.
 */
describe('installed from the tarballs into an empty project', { timeout: 120_000 }, () => {
  let project: StrangerProject;
  let build: CommandResult;

  beforeAll(async () => {
    project = await createStrangerProject();
    // The stranger's build: tsc --strict over src/ (the handler), emitting dist/ for jest.
    build = await project.exec('tsc', ['-p', 'tsconfig.json']);
  }, 300_000);

  afterAll(async () => {
    await project?.remove();
  });

  it('type-checks the handler under tsc --strict with the global from @types/aws-lambda', () => {
    // Assert
    expect(build.output).toBe('');
    expect(build.code).toBe(0);
    expect(existsSync(join(project.dir, 'dist', 'handler.js'))).toBe(true);
  });

  it('gets the awslambda types through the testing package when tsconfig lists only node types', async () => {
    // Act: the handler and its test; then the handler alone, which has nothing to bring them in
    const withTests = await project.exec('tsc', ['-p', 'tsconfig.tests.json']);
    const handlerAloneChecked = await project.exec('tsc', [
      '--noEmit',
      '--strict',
      '--skipLibCheck',
      '--module',
      'nodenext',
      '--types',
      'node',
      'src/handler.ts',
    ]);

    // Assert
    expect(withTests.output).toBe('');
    expect(withTests.code).toBe(0);
    expect(handlerAloneChecked.output).toContain("Cannot find name 'awslambda'");
  });

  it('passes the handler test under vitest', async () => {
    // Act
    const result = await project.exec('vitest', ['run']);

    // Assert
    expect(result.output).toMatch(/Tests\s+7 passed/);
    expect(result.code).toBe(0);
  });

  it('passes the same test under jest, loading the ESM packages with --experimental-vm-modules', async () => {
    // Act
    const result = await project.exec('jest', [], { NODE_OPTIONS: '--experimental-vm-modules' });

    // Assert
    expect(result.output).toMatch(/Tests:\s+4 passed, 4 total/);
    expect(result.code).toBe(0);
  });

  it('installs one copy of @types/aws-lambda, as a peer, so the global is declared once', async () => {
    // Act
    const result = await project.exec('npm', ['ls', '@types/aws-lambda', '--all', '--parseable']);

    // Assert
    expect(result.output.trim().split('\n')).toEqual([
      join(project.dir, 'node_modules', '@types', 'aws-lambda'),
    ]);
  });
});
