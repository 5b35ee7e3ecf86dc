/** Small repositories of patterns that follow the standard, for the pattern check tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CATALOG_END, CATALOG_START } from '../catalog.js';
import {
  LAST_PATTERN_NEXT,
  patternLink,
  README_SECTIONS,
  STANDARD_FILES,
} from '../pattern-standard.js';
import type { PatternManifest } from '../patterns.js';

/** A manifest that passes the schema. */
export function manifest(slug: string, order: number): PatternManifest {
  return {
    slug,
    title: `The ${slug} pattern`,
    summary: `Streams the ${slug} response to show the idea.`,
    level: 200,
    order,
    invokeMode: 'RESPONSE_STREAM',
    integration: 'function-url',
    teaches: ['streaming'],
    files: ['template.yaml', 'test/handler.test.ts'],
  };
}

/** A README with the standard outline, whose Next section is `next`. */
export function standardReadme(title: string, next: string): string {
  const sections = README_SECTIONS.map((section) => {
    const body =
      section.title === 'Next'
        ? next
        : section.title === 'Requirements'
          ? 'Node.js and npm (the function runs on `nodejs24.x`).'
          : 'Some text.';
    const subsections = (section.subsections ?? []).map((sub) => `### ${sub}\n\nMore text.\n`);
    return [`## ${section.title}\n\n${body}\n`, ...subsections].join('\n');
  });
  return [`# ${title}\n\nOne sentence.\n`, ...sections].join('\n');
}

/** A SAM template with one function of this logical ID. */
export function oneFunctionTemplate(logicalId: string): string {
  return [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    `  ${logicalId}:`,
    '    Type: AWS::Serverless::Function',
    '    Properties: { CodeUri: dist/app/, Handler: handler.handler, Runtime: nodejs24.x }',
    '',
  ].join('\n');
}

const pascal = (slug: string) =>
  slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');

/** The folders it made, to delete after each test. */
const roots: string[] = [];

/**
 * A repository with these patterns, in this order: every standard file, one sample event that
 * the handler test names, and READMEs linked into a series.
 */
export function standardRepo(slugs: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'pattern-set-'));
  roots.push(root);
  mkdirSync(join(root, 'patterns'));
  writeFileSync(join(root, 'README.md'), `# Patterns\n\n${CATALOG_START}\n${CATALOG_END}\n`);
  const manifests = slugs.map((slug, index) => manifest(slug, index + 1));
  manifests.forEach((pattern, index) => {
    const following = manifests[index + 1];
    const next = following ? `Continue with ${patternLink(following)}.` : LAST_PATTERN_NEXT;
    const files: Record<string, string> = {
      ...Object.fromEntries(STANDARD_FILES.map((file) => [file, ''])),
      'pattern.json': JSON.stringify(pattern),
      'template.yaml': oneFunctionTemplate(`${pascal(pattern.slug)}Function`),
      'README.md': standardReadme(pattern.title, next),
      'test/handler.test.ts': "readSampleEvent(import.meta.url, 'events/get.json');\n",
      'events/get.json': '{}',
    };
    for (const [file, text] of Object.entries(files)) writeFile(root, pattern.slug, file, text);
  });
  return root;
}

/** Writes a file of a pattern, creating its folder. */
export function writeFile(root: string, slug: string, file: string, text: string): void {
  const path = join(root, 'patterns', slug, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Deletes the repositories made since the last call. */
export function removeRepos(): void {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
}
