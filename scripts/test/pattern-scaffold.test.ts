import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planPattern, ScaffoldError, TEMPLATE_DIR } from '../pattern-scaffold.js';
import { STANDARD_FILES } from '../pattern-standard.js';
import { validatePatterns } from '../patterns.js';
import { writePattern } from '../write-pattern.js';
import { oneFunctionTemplate, removeRepos, standardRepo, writeFile } from './pattern-fixtures.js';

/** Every file below a folder, relative to it, sorted. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** What a repository holds: each file's text by path. */
function snapshot(root: string): Record<string, string> {
  return Object.fromEntries(
    filesBelow(root).map((file) => [file, readFileSync(join(root, file), 'utf8')]),
  );
}

afterEach(removeRepos);

describe('new:pattern plan', () => {
  it.each([
    ['Demo', /is not a kebab-case slug/],
    ['demo_stream', /is not a kebab-case slug/],
    ['5-demo', /is not a kebab-case slug/],
    ['demo--stream', /is not a kebab-case slug/],
    ['demo-', /is not a kebab-case slug/],
    ['', /is not a kebab-case slug/],
    [`a-${'b'.repeat(39)}`, /is longer than 40 characters/],
    ['alpha', /^patterns\/alpha already exists\.$/],
  ])('refuses the slug "%s"', async (slug, message) => {
    // Arrange
    const root = standardRepo(['alpha']);

    // Act + Assert
    const planned = planPattern(root, slug);
    await expect(planned).rejects.toThrow(ScaffoldError);
    await expect(planned).rejects.toThrow(message);
  });

  it('refuses a slug whose function would take a logical ID another template uses', async () => {
    // Arrange
    const root = standardRepo(['alpha']);
    writeFile(root, 'alpha', 'template.yaml', oneFunctionTemplate('DemoStreamFunction'));

    // Act + Assert
    await expect(planPattern(root, 'demo-stream')).rejects.toThrow(
      /^patterns\/alpha already has a function DemoStreamFunction; logical IDs must be unique/,
    );
  });

  it('refuses a title on several lines, and while a manifest is not valid', async () => {
    // Arrange
    const root = standardRepo(['alpha']);

    // Act + Assert
    await expect(planPattern(root, 'demo', 'Two\nlines')).rejects.toThrow(/one line of 3 to 80/);
    writeFile(root, 'alpha', 'pattern.json', '{}');
    await expect(planPattern(root, 'demo')).rejects.toThrow(/^Fix the pattern manifests first:/);
  });

  it('fills every file of the template, next in workshop order, with a title from the slug', async () => {
    // Arrange
    const root = standardRepo(['alpha', 'beta']);

    // Act
    const plan = await planPattern(root, 'demo-stream');

    // Assert
    expect([...plan.files.keys()].sort()).toEqual(filesBelow(TEMPLATE_DIR));
    expect([...plan.files.keys()]).toEqual(expect.arrayContaining([...STANDARD_FILES]));
    expect(plan.manifest).toMatchObject({ slug: 'demo-stream', title: 'Demo stream', order: 3 });
    expect(plan.functionId).toBe('DemoStreamFunction');
    for (const [file, text] of plan.files) expect(text, file).not.toMatch(/__[A-Z]+__/);
    expect(plan.files.get('template.yaml')).toContain('  DemoStreamFunction:\n');
    expect(plan.files.get('package.json')).toContain('"@lambda-streaming/pattern-demo-stream"');
  });

  it('writes a title with quotes and code into the manifest as JSON', async () => {
    // Arrange
    const root = standardRepo(['alpha']);

    // Act
    const plan = await planPattern(root, 'demo', 'Stream "quoted" `code()`');

    // Assert
    expect(plan.manifest.title).toBe('Stream "quoted" `code()`');
    expect(plan.files.get('README.md')).toMatch(/^# Stream "quoted" `code\(\)`\n/);
  });
});

describe('new:pattern write', () => {
  it('adds the pattern, links it from the previous one and the catalog, and the set stays valid', async () => {
    // Arrange
    const root = standardRepo(['alpha', 'beta']);
    const plan = await planPattern(root, 'demo-stream', 'A demo stream');

    // Act
    const changed = writePattern(root, plan);

    // Assert
    expect(changed).toEqual(['patterns/demo-stream/', 'patterns/beta/README.md', 'README.md']);
    expect(filesBelow(join(root, 'patterns/demo-stream'))).toEqual(filesBelow(TEMPLATE_DIR));
    expect(readFileSync(join(root, 'patterns/beta/README.md'), 'utf8')).toMatch(
      /\n## Next\n\nContinue with \[A demo stream\]\(\.\.\/demo-stream\/README\.md\)\. A function URL/,
    );
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(
      '| 3 | [A demo stream](patterns/demo-stream/) |',
    );
    expect(validatePatterns(root).problems).toEqual([]);
    expect(readdirSync(join(root, 'patterns')).sort()).toEqual(['alpha', 'beta', 'demo-stream']);
  });

  it('leaves the repository as it was when a file cannot be written', async () => {
    // Arrange: a plan with a file where a folder must go.
    const root = standardRepo(['alpha']);
    const plan = await planPattern(root, 'demo');
    const files = new Map([...plan.files, ['src/handler.ts/oops', 'x']]);
    const before = snapshot(root);

    // Act + Assert
    expect(() => writePattern(root, { ...plan, files })).toThrow(/ENOTDIR|EEXIST/);
    expect(snapshot(root)).toEqual(before);
    expect(existsSync(join(root, 'patterns/demo'))).toBe(false);
    expect(readdirSync(join(root, 'patterns'))).toEqual(['alpha']);
  });

  it('writes nothing when the last pattern has no Next section to link from', async () => {
    // Arrange
    const root = standardRepo(['alpha']);
    writeFile(root, 'alpha', 'README.md', '# The alpha pattern\n\n## Recap\n\nDone.\n');
    const plan = await planPattern(root, 'demo');
    const before = snapshot(root);

    // Act + Assert
    expect(() => writePattern(root, plan)).toThrow(
      'patterns/alpha/README.md has no "## Next" section to link from.',
    );
    expect(snapshot(root)).toEqual(before);
  });
});
