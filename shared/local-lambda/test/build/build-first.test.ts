import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Manifest {
  name: string;
  scripts?: Record<string, string>;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
const NODE_MODULES = fileURLToPath(new URL('../../../../node_modules/', import.meta.url));
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Manifest;
const manifest = read(join(PACKAGE_DIR, 'package.json'));
const dependencyNames = (of: Manifest) =>
  Object.keys({ ...of.dependencies, ...of.devDependencies, ...of.optionalDependencies });

describe('npm run build -w @lambda-streaming/local-lambda after a plain npm ci', () => {
  it('builds the workspaces it depends on first, as the patterns do', () => {
    // Assert
    expect(manifest.scripts?.build).toMatch(/^build-first --dependencies && /);
    expect(manifest.scripts?.typecheck).toMatch(/^build-first --dependencies && /);
  });

  it('takes build-first from a declared dependency that does not depend back on it', () => {
    // Arrange
    const workspaces = dependencyNames(manifest).filter((name) => name.startsWith('@lambda-'));
    const providers = workspaces
      .map((name) => ({ dir: join(NODE_MODULES, name) }))
      .map(({ dir }) => ({ dir, manifest: read(join(dir, 'package.json')) }))
      .filter((other) => other.manifest.bin?.['build-first']);
    const bin = join(providers[0]?.dir ?? '', providers[0]?.manifest.bin?.['build-first'] ?? '');

    // Act
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });

    // Assert: a dependency back on local-lambda would be a cycle turbo refuses.
    expect(providers.map((other) => other.manifest.name)).toEqual(['@lambda-streaming/tsconfig']);
    expect(dependencyNames(providers[0]?.manifest as Manifest)).toEqual([]);
    expect(help.status).toBe(0);
    expect(help.stderr).toContain('Usage: build-first [--dependencies]');
  });
});
