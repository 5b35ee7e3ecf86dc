import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPatternCatalog } from '../patterns.js';
import { copyRepository, type RepoCopy } from './repo-copy.js';

const repoRoot = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
// The longest slug allowed: the generated code must still pass the formatter.
const SLUG = 'chunked-csv-report-from-a-paginated-apis';
// The new pattern comes after those the repository has now.
const ORDER = readPatternCatalog(repoRoot).patterns.length + 1;

interface Run {
  code: number | null;
  output: string;
}

/** Runs a command in the copy, offline as far as npm goes, and collects its output. */
function run(cwd: string, command: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, npm_config_offline: 'true', CI: 'true', NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (data: Buffer) => {
      output += data.toString();
    });
    child.stderr.on('data', (data: Buffer) => {
      output += data.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

describe('npm run new:pattern, in a copy of this repository', { timeout: 240_000 }, () => {
  let copy: RepoCopy;
  let created: Run;
  beforeAll(async () => {
    copy = copyRepository(repoRoot);
    created = await run(copy.root, 'npm', ['run', '--silent', 'new:pattern', '--', SLUG]);
    // What `npm install` would do for the new workspace, without the network.
    copy.linkWorkspace(`@lambda-streaming/pattern-${SLUG}`, `patterns/${SLUG}`);
  }, 120_000);
  afterAll(() => copy?.dispose());

  it('creates the pattern, next in workshop order', () => {
    // Assert
    expect(created.output).toContain(`Created patterns/${SLUG}/ (workshop order ${ORDER})`);
    expect(created.code).toBe(0);
    const manifest = JSON.parse(
      readFileSync(join(copy.root, 'patterns', SLUG, 'pattern.json'), 'utf8'),
    );
    expect(manifest).toMatchObject({ slug: SLUG, order: ORDER });
  });

  it('leaves a repository whose patterns and catalog pass their checks', async () => {
    // Act
    const [validated, catalog] = await Promise.all([
      run(copy.root, 'npm', ['run', '--silent', 'validate:patterns']),
      run(copy.root, 'npm', ['run', '--silent', 'catalog', '--', '--check']),
    ]);

    // Assert
    expect(validated).toEqual({ code: 0, output: `${ORDER} patterns follow the standard\n` });
    expect(catalog).toEqual({ code: 0, output: 'README.md Patterns table is up to date\n' });
  });

  it('builds, type-checks, lints (Biome and cfn-lint) and passes its tests as generated', async () => {
    // Arrange
    const pattern = join(copy.root, 'patterns', SLUG);
    const step = async (script: string) => ({
      script,
      ...(await run(pattern, 'npm', ['run', script])),
    });

    // Act: as turbo runs them, the tests after the build.
    const checks = await Promise.all(['build', 'typecheck', 'lint'].map(step));
    const tests = await step('test');

    // Assert
    for (const { script, code, output } of [...checks, tests]) {
      expect(code, `npm run ${script}\n${output}`).toBe(0);
    }
    expect(tests.output).toMatch(/Tests\s+10 passed \(10\)/);
  });

  it.each([
    [SLUG, `patterns/${SLUG} already exists.`],
    ['Not_A_Slug', '"Not_A_Slug" is not a kebab-case slug'],
  ])('refuses %s clearly and writes nothing', async (slug, message) => {
    // Arrange
    const before = readdirSync(join(copy.root, 'patterns')).sort();

    // Act
    const refused = await run(copy.root, 'npm', ['run', '--silent', 'new:pattern', '--', slug]);

    // Assert
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(message);
    expect(readdirSync(join(copy.root, 'patterns')).sort()).toEqual(before);
  });
});
