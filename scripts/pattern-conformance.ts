/**
 * Checks that every pattern has the standard file set and README outline
 * (scripts/pattern-standard.ts) and that the README links of the workshop series agree with the
 * manifests. Used by validate-patterns.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRequirementsRuntime } from './pattern-runtime.js';
import {
  EVENTS_DIR,
  LAST_PATTERN_NEXT,
  PATTERN_LIST_LINK,
  patternLink,
  README_SECTIONS,
  STANDARD_FILES,
} from './pattern-standard.js';
import type { PatternManifest } from './patterns.js';
import { markdownLinks, type ReadmeSection, readmeOutline } from './readme-outline.js';

/**
 * Checks each pattern's files and README against the standard.
 *
 * @param root - The repository root.
 * @param patterns - The valid manifests, in workshop order (from `readPatternCatalog`).
 * @returns One message per problem, each starting with the file or folder it is about.
 * @example
 * ```ts
 * const { patterns } = readPatternCatalog(root);
 * checkPatternSet(root, patterns); // [] when every pattern follows the standard
 * ```
 */
export function checkPatternSet(root: string, patterns: readonly PatternManifest[]): string[] {
  return patterns.flatMap((pattern, index) => [
    ...checkFiles(root, pattern.slug),
    ...checkEvents(root, pattern.slug),
    ...checkReadme(root, patterns, index),
  ]);
}

function checkFiles(root: string, slug: string): string[] {
  return STANDARD_FILES.filter((file) => !existsSync(join(root, 'patterns', slug, file))).map(
    (file) =>
      `patterns/${slug}: ${file} is missing (every pattern has ${STANDARD_FILES.join(', ')})`,
  );
}

function filesUnder(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => join(entry.parentPath, entry.name));
}

function checkEvents(root: string, slug: string): string[] {
  const folder = join(root, 'patterns', slug);
  const events = filesUnder(join(folder, EVENTS_DIR), '.json').map((file) =>
    file.slice(folder.length + 1),
  );
  if (events.length === 0) {
    return [`patterns/${slug}: ${EVENTS_DIR}/ has no sample event (*.json)`];
  }
  const readers = [join(folder, 'README.md'), ...filesUnder(join(folder, 'test'), '.ts')]
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8'));
  return events
    .filter((event) => !readers.some((text) => text.includes(event)))
    .map(
      (event) => `patterns/${slug}/${event}: neither a test nor the README uses this sample event`,
    );
}

function checkReadme(root: string, patterns: readonly PatternManifest[], index: number): string[] {
  const pattern = patterns[index] as PatternManifest;
  const file = `patterns/${pattern.slug}/README.md`;
  if (!existsSync(join(root, file))) return [];
  const outline = readmeOutline(readFileSync(join(root, file), 'utf8'));
  const problems: string[] = [];
  if (outline.title !== pattern.title) {
    problems.push(
      `${file}: the H1 is "${outline.title ?? ''}"; pattern.json's title is "${pattern.title}"`,
    );
  }
  const outlineProblems = checkSections(outline.sections);
  problems.push(...outlineProblems.map((problem) => `${file}: ${problem}`));
  // The text of a section is checked once the sections are where the standard puts them.
  const requirements = outline.sections.find((section) => section.title === 'Requirements');
  if (outlineProblems.length === 0) {
    problems.push(...checkRequirementsRuntime(root, pattern.slug, requirements));
  }
  const next = outline.sections.find((section) => section.title === 'Next');
  if (next !== undefined) {
    problems.push(...checkNext(next, patterns, index).map((problem) => `${file}: ${problem}`));
  }
  return problems;
}

function checkSections(sections: readonly ReadmeSection[]): string[] {
  const expected = README_SECTIONS.map((section) => section.title);
  const found = sections.map((section) => section.title);
  const standard = `the standard H2 sections are: ${expected.join(' | ')}`;
  for (let position = 0; position < Math.max(expected.length, found.length); position++) {
    if (found[position] !== expected[position]) {
      const actual = found[position] === undefined ? 'missing' : `"${found[position]}"`;
      return [
        `H2 section ${position + 1} is ${actual}, expected "${expected[position] ?? 'none'}" (${standard})`,
      ];
    }
  }
  return README_SECTIONS.flatMap((standardSection, position) => {
    const wanted = standardSection.subsections;
    const actual = sections[position]?.subsections ?? [];
    if (wanted === undefined || actual.join('\n') === wanted.join('\n')) return [];
    return [
      `"${standardSection.title}" has the H3s ${list(actual)}; the standard is ${list(wanted)}`,
    ];
  });
}

function checkNext(next: ReadmeSection, patterns: readonly PatternManifest[], index: number) {
  const problems: string[] = [];
  const links = markdownLinks(next.body);
  const following = patterns[index + 1];
  if (following === undefined && !next.body.startsWith(LAST_PATTERN_NEXT)) {
    problems.push(`"Next" of the last pattern must begin with: ${LAST_PATTERN_NEXT}`);
  }
  const first = links[0];
  if (following !== undefined && first?.href !== `../${following.slug}/README.md`) {
    problems.push(`"Next" must first link to the next pattern: ${patternLink(following)}`);
  }
  for (const link of links) {
    const slug = /^\.\.\/([^/]+)\/(?:README\.md)?(?:#.*)?$/.exec(link.href)?.[1];
    const linked = patterns.find((pattern) => pattern.slug === slug);
    if (slug !== undefined && linked === undefined && link.href !== PATTERN_LIST_LINK) {
      problems.push(`"Next" links to ${link.href}, which is no pattern`);
    } else if (linked !== undefined && link.text !== linked.title) {
      problems.push(
        `"Next" links to ${linked.slug} as "${link.text}"; its manifest title is "${linked.title}"`,
      );
    }
  }
  return problems;
}

const list = (titles: readonly string[]) =>
  titles.length === 0 ? '(none)' : titles.map((title) => `"${title}"`).join(', ');
