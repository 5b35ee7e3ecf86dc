import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LAST_PATTERN_NEXT } from '../pattern-standard.js';
import { validatePatterns } from '../patterns.js';
import { removeRepos, standardReadme, standardRepo, writeFile } from './pattern-fixtures.js';

const repoRoot = dirname(dirname(dirname(fileURLToPath(import.meta.url))));

/** Rewrites a pattern's README with `edit`. */
function editReadme(root: string, slug: string, edit: (readme: string) => string): void {
  const file = join(root, 'patterns', slug, 'README.md');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

afterEach(removeRepos);

describe('validate:patterns', () => {
  it('finds nothing wrong with the patterns of this repository', () => {
    // Act
    const { patterns, problems } = validatePatterns(repoRoot);

    // Assert
    expect(problems).toEqual([]);
    expect(patterns.length).toBeGreaterThanOrEqual(4);
  });

  it('finds nothing wrong with a series that follows the standard', () => {
    // Arrange
    const root = standardRepo(['alpha', 'beta', 'gamma']);

    // Act + Assert
    expect(validatePatterns(root).problems).toEqual([]);
  });

  it('reports Requirements that do not name the runtime the template runs', () => {
    // Arrange: alpha's text stayed on the old runtime; beta's template moved without its text.
    const root = standardRepo(['alpha', 'beta']);
    editReadme(root, 'alpha', (readme) => readme.replace('`nodejs24.x`', '`nodejs22.x`'));
    const template = join(root, 'patterns/beta/template.yaml');
    writeFileSync(template, readFileSync(template, 'utf8').replace('nodejs24.x', 'nodejs26.x'));

    // Act
    const { problems } = validatePatterns(root);

    // Assert
    expect(problems).toEqual([
      'patterns/alpha/README.md: "Requirements" does not name nodejs24.x, the Runtime in template.yaml',
      'patterns/alpha/README.md: "Requirements" names nodejs22.x, which template.yaml does not run',
      'patterns/beta/README.md: "Requirements" does not name nodejs26.x, the Runtime in template.yaml',
      'patterns/beta/README.md: "Requirements" names nodejs24.x, which template.yaml does not run',
    ]);
  });

  it('reports each file of the standard set that a pattern lacks', () => {
    // Arrange
    const root = standardRepo(['alpha']);
    rmSync(join(root, 'patterns/alpha/src/handler.ts'));
    rmSync(join(root, 'patterns/alpha/test/handler.e2e.test.ts'));

    // Act
    const { problems } = validatePatterns(root);

    // Assert
    expect(problems).toEqual([
      expect.stringMatching(/^patterns\/alpha: src\/handler\.ts is missing \(every pattern has /),
      expect.stringMatching(/^patterns\/alpha: test\/handler\.e2e\.test\.ts is missing /),
    ]);
  });

  it('reports a pattern without a sample event, and a sample event nothing uses', () => {
    // Arrange
    const root = standardRepo(['alpha', 'beta']);
    rmSync(join(root, 'patterns/alpha/events'), { recursive: true });
    writeFile(root, 'beta', 'events/unused.json', '{}');

    // Act
    const { problems } = validatePatterns(root);

    // Assert
    expect(problems).toEqual([
      'patterns/alpha: events/ has no sample event (*.json)',
      'patterns/beta/events/unused.json: neither a test nor the README uses this sample event',
    ]);
  });

  it('accepts a sample event that only the README uses', () => {
    // Arrange
    const root = standardRepo(['alpha']);
    writeFile(root, 'alpha', 'test/handler.test.ts', '');
    editReadme(root, 'alpha', (readme) =>
      readme.replace('## Test it\n', '## Test it\n\n`sam local invoke -e events/get.json`\n'),
    );

    // Act + Assert
    expect(validatePatterns(root).problems).toEqual([]);
  });

  it('reports an H1 that differs from the manifest title', () => {
    // Arrange
    const root = standardRepo(['alpha']);
    editReadme(root, 'alpha', (readme) => readme.replace('# The alpha pattern', '# Alpha'));

    // Act + Assert
    expect(validatePatterns(root).problems).toEqual([
      'patterns/alpha/README.md: the H1 is "Alpha"; pattern.json\'s title is "The alpha pattern"',
    ]);
  });

  it.each([
    [
      'renamed',
      (readme: string) => readme.replace('## Try it', '## Try out'),
      /H2 section 5 is "Try out", expected "Try it" \(the standard H2 sections are: What you'll learn \| /,
    ],
    [
      'missing',
      (readme: string) => readme.replace('## Cost notice\n', ''),
      /H2 section 10 is "Recap", expected "Cost notice"/,
    ],
    [
      'moved',
      (readme: string) =>
        readme
          .replace('## Architecture', '## Requirements-x')
          .replace('## Requirements\n', '## Architecture\n')
          .replace('## Requirements-x', '## Requirements'),
      /H2 section 2 is "Requirements", expected "Architecture"/,
    ],
    [
      'added',
      (readme: string) => `${readme}\n## Appendix\n\nMore.\n`,
      /H2 section 13 is "Appendix", expected "none"/,
    ],
  ])('reports an H2 section that is %s', (_change, edit, expected) => {
    // Arrange
    const root = standardRepo(['alpha']);
    editReadme(root, 'alpha', edit);

    // Act
    const { problems } = validatePatterns(root);

    // Assert
    expect(problems).toEqual([expect.stringMatching(expected)]);
    expect(problems[0]).toMatch(/^patterns\/alpha\/README\.md: /);
  });

  it('reports H3s that differ from the standard where it fixes them, and allows them elsewhere', () => {
    // Arrange
    const root = standardRepo(['alpha']);
    editReadme(root, 'alpha', (readme) =>
      readme
        .replace('### Locally, with `npm start`', '### Locally')
        .replace('## How it works\n', '## How it works\n\n### Exit codes\n'),
    );

    // Act + Assert
    expect(validatePatterns(root).problems).toEqual([
      'patterns/alpha/README.md: "Try it" has the H3s "Locally", "On AWS"; the standard is "Locally, with `npm start`", "On AWS"',
    ]);
  });

  it('does not take a line in a code block for a heading', () => {
    // Arrange
    const root = standardRepo(['alpha']);
    editReadme(root, 'alpha', (readme) =>
      readme.replace('## Deploy\n', '## Deploy\n\n```sh\n## not a heading\n# nor this\n```\n'),
    );

    // Act + Assert
    expect(validatePatterns(root).problems).toEqual([]);
  });

  it('reports a Next link whose text differs from the next pattern title', () => {
    // Arrange
    const root = standardRepo(['alpha', 'beta']);
    editReadme(root, 'alpha', (readme) =>
      readme.replace('[The beta pattern](../beta/README.md)', '[beta](../beta/README.md)'),
    );

    // Act + Assert
    expect(validatePatterns(root).problems).toEqual([
      'patterns/alpha/README.md: "Next" links to beta as "beta"; its manifest title is "The beta pattern"',
    ]);
  });

  it('reads a Next link whose text wraps onto the next line as one title', () => {
    // Arrange
    const root = standardRepo(['alpha', 'beta']);
    editReadme(root, 'alpha', (readme) =>
      readme.replace('[The beta pattern]', '[The beta\npattern]'),
    );

    // Act + Assert
    expect(validatePatterns(root).problems).toEqual([]);
  });

  it('reports a Next section that does not lead to the next pattern first', () => {
    // Arrange
    const root = standardRepo(['alpha', 'beta', 'gamma']);
    editReadme(root, 'alpha', (readme) =>
      readme.replace('Continue with [The beta pattern](../beta/README.md).', LAST_PATTERN_NEXT),
    );

    // Act + Assert
    expect(validatePatterns(root).problems).toEqual([
      'patterns/alpha/README.md: "Next" must first link to the next pattern: [The beta pattern](../beta/README.md)',
    ]);
  });

  it('reports a last pattern whose Next does not say the series ends, and links to no pattern', () => {
    // Arrange
    const root = standardRepo(['alpha', 'beta']);
    editReadme(root, 'beta', () =>
      standardReadme('The beta pattern', 'Continue with [gamma](../gamma/README.md).'),
    );

    // Act + Assert
    expect(validatePatterns(root).problems).toEqual([
      `patterns/beta/README.md: "Next" of the last pattern must begin with: ${LAST_PATTERN_NEXT}`,
      'patterns/beta/README.md: "Next" links to ../gamma/README.md, which is no pattern',
    ]);
  });

  it('checks links to earlier patterns in Next by their titles too', () => {
    // Arrange
    const root = standardRepo(['alpha', 'beta']);
    editReadme(root, 'beta', (readme) =>
      readme.replace(
        LAST_PATTERN_NEXT,
        `${LAST_PATTERN_NEXT} Or revisit [alpha](../alpha/README.md#try-it).`,
      ),
    );

    // Act + Assert
    expect(validatePatterns(root).problems).toEqual([
      'patterns/beta/README.md: "Next" links to alpha as "alpha"; its manifest title is "The alpha pattern"',
    ]);
  });
});
