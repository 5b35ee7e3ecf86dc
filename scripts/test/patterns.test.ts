import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOG_END, CATALOG_START, renderCatalog, replaceCatalog } from '../catalog.js';
import { type PatternManifest, readPatternCatalog } from '../patterns.js';

const repoRoot = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const temporaryRoots: string[] = [];

function fixtureRepo(manifests: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'patterns-'));
  temporaryRoots.push(root);
  for (const [folder, manifest] of Object.entries(manifests)) {
    mkdirSync(join(root, 'patterns', folder, 'src'), { recursive: true });
    writeFileSync(join(root, 'patterns', folder, 'src', 'handler.ts'), '');
    writeFileSync(join(root, 'patterns', folder, 'template.yaml'), '');
    writeFileSync(join(root, 'patterns', folder, 'pattern.json'), JSON.stringify(manifest));
  }
  return root;
}

const valid: PatternManifest = {
  slug: 'demo',
  title: 'A demo pattern',
  summary: 'Streams a demo response to show the idea.',
  level: 200,
  order: 1,
  invokeMode: 'RESPONSE_STREAM',
  integration: 'function-url',
  teaches: ['streaming'],
  files: ['src/handler.ts', 'template.yaml'],
};

afterEach(() => {
  for (const root of temporaryRoots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('pattern manifests', () => {
  it('are all valid in this repository, in workshop order', () => {
    // Act
    const { patterns, problems } = readPatternCatalog(repoRoot);

    // Assert: the workshop starts with the four launch patterns; new ones follow them.
    expect(problems).toEqual([]);
    expect(patterns.slice(0, 4).map((p) => p.slug)).toEqual([
      'ttfb-write',
      'ttfb-pipeline',
      'large-pdf',
      'sdk-invoke',
    ]);
    expect(patterns.map((p) => p.order)).toEqual(patterns.map((_, index) => index + 1));
  });

  it('reports schema errors with the file and the property', () => {
    // Arrange
    const root = fixtureRepo({ demo: { ...valid, level: 250, extra: true } });

    // Act
    const { problems } = readPatternCatalog(root);

    // Assert
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/patterns\/demo\/pattern\.json: \/level must be equal to one of/),
        expect.stringMatching(/must NOT have additional properties/),
      ]),
    );
  });

  it('reports a slug that differs from its folder, a missing file and a shared order', () => {
    // Arrange
    const root = fixtureRepo({
      demo: { ...valid, slug: 'other', files: ['src/handler.ts', 'src/missing.ts'] },
      second: { ...valid, slug: 'second' },
    });

    // Act
    const { problems } = readPatternCatalog(root);

    // Assert
    expect(problems).toEqual([
      'patterns/demo/pattern.json: slug "other" differs from the folder name "demo"',
      'patterns/demo/pattern.json: files names "src/missing.ts", which does not exist',
      'patterns other and second share order 1',
    ]);
  });
});

describe('README catalog', () => {
  it('is up to date with the manifests', () => {
    // Arrange
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const { patterns } = readPatternCatalog(repoRoot);

    // Act
    const regenerated = replaceCatalog(readme, renderCatalog(patterns));

    // Assert: run `npm run catalog` when this fails
    expect(regenerated).toBe(readme);
  });

  it('replaces only the text between the markers', () => {
    // Arrange
    const readme = `# Title\n${CATALOG_START}\nold\n${CATALOG_END}\nafter\n`;

    // Act
    const next = replaceCatalog(readme, renderCatalog([valid]));

    // Assert
    expect(next).toBe(
      `# Title\n${CATALOG_START}\n| # | Pattern | What streams | Through | Level |\n| - | - | - | - | - |\n| 1 | [A demo pattern](patterns/demo/) | Streams a demo response to show the idea. | Function URL | 200 |\n${CATALOG_END}\nafter\n`,
    );
  });

  it('refuses a README without the markers', () => {
    // Act + Assert
    expect(() => replaceCatalog('# no markers', '')).toThrow(/must contain/);
  });
});
