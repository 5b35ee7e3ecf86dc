import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { patternSlugs, patternsInOrder } from '../pattern-folders.mjs';

const roots: string[] = [];

/** A repository with these pattern folders; `undefined` makes a folder without pattern.json. */
function repoWith(manifests: Record<string, string | undefined>): string {
  const root = mkdtempSync(join(tmpdir(), 'pattern-folders-'));
  roots.push(root);
  for (const [slug, manifest] of Object.entries(manifests)) {
    mkdirSync(join(root, 'patterns', slug), { recursive: true });
    if (manifest !== undefined)
      writeFileSync(join(root, 'patterns', slug, 'pattern.json'), manifest);
  }
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('pattern discovery', () => {
  it('finds the folders with a pattern.json, in workshop order, then by slug', () => {
    // Arrange
    const root = repoWith({
      zeta: '{"order": 1}',
      alpha: '{"order": 2}',
      beta: '{"order": 2}',
      'no-order': '{}',
      'not-a-pattern': undefined,
    });

    // Act
    const found = patternsInOrder(root);

    // Assert
    expect(found.map((pattern) => pattern.slug)).toEqual(['zeta', 'alpha', 'beta', 'no-order']);
    expect(found[0]).toEqual({
      slug: 'zeta',
      order: 1,
      folder: join('patterns', 'zeta'),
      template: join('patterns', 'zeta', 'template.yaml'),
    });
    expect(patternSlugs(root)).toEqual(['alpha', 'beta', 'no-order', 'zeta']);
  });

  it('names the manifest that is not JSON', () => {
    // Arrange
    const root = repoWith({ broken: '{ order: 1' });

    // Act + Assert
    expect(() => patternsInOrder(root)).toThrow(
      /^patterns\/broken\/pattern\.json is not valid JSON: /,
    );
  });

  it('finds nothing where there is no patterns folder', () => {
    // Arrange
    const root = repoWith({});

    // Act + Assert
    expect(patternsInOrder(root)).toEqual([]);
  });
});
