import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './stranger-project.js';

const FIXTURE = join(REPO_ROOT, 'shared/testing/test/install/fixture');

/** Each `<!-- fixture: path -->` marker and the fenced code block right after it. */
function fixtureBlocks(readme: string): { path: string; code: string }[] {
  const marker = /<!-- fixture: (\S+) -->\n```\w*\n([\s\S]*?)\n```/g;
  return [...readme.matchAll(marker)].map((match) => ({
    path: match[1] as string,
    code: match[2] as string,
  }));
}

describe.each(['shared/testing/README.md', 'shared/streaming/README.md'])('%s', (readmePath) => {
  const blocks = fixtureBlocks(readFileSync(join(REPO_ROOT, readmePath), 'utf8'));

  it('shows examples taken from the installed project that npm test runs', () => {
    // Assert
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  it.each(blocks)('shows $path as it is', ({ path, code }) => {
    // Act
    const file = readFileSync(join(FIXTURE, path), 'utf8').trimEnd();

    // Assert
    expect(code).toBe(file);
  });
});
