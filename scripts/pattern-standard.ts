/**
 * What every pattern has: the standard file set and the README outline. validate-patterns.ts
 * checks each pattern against it; new-pattern.ts scaffolds patterns that have it.
 */

/** Files every pattern has, relative to its folder (sample events are checked apart). */
export const STANDARD_FILES = [
  'README.md',
  'pattern.json',
  'template.yaml',
  'samconfig.toml',
  'package.json',
  'tsconfig.json',
  'vitest.config.ts',
  'src/handler.ts',
  'test/handler.test.ts',
  'test/template.test.ts',
  'test/handler.e2e.test.ts',
] as const;

/** Sample events: at least one `events/*.json`, each named by a test or the README. */
export const EVENTS_DIR = 'events';

/** One H2 section of a pattern README, and the H3s the standard fixes inside it, if any. */
export interface StandardSection {
  readonly title: string;
  /** When set, the section has exactly these H3s, in this order; otherwise any. */
  readonly subsections?: readonly string[];
}

/** The H2 sections of every pattern README, in order (after the H1, which is the title). */
export const README_SECTIONS: readonly StandardSection[] = [
  { title: "What you'll learn" },
  { title: 'Architecture' },
  { title: 'Requirements' },
  { title: 'Deploy' },
  { title: 'Try it', subsections: ['Locally, with `npm start`', 'On AWS'] },
  { title: 'How it works' },
  { title: 'What the client sees when things go wrong' },
  { title: 'Test it', subsections: ['End-to-end tests'] },
  { title: 'Clean up' },
  { title: 'Cost notice' },
  { title: 'Recap' },
  { title: 'Next' },
];

/** Where a README's Next section links to go back to the list of patterns. */
export const PATTERN_LIST_LINK = '../../README.md';

/** How the Next section of the last pattern begins. */
export const LAST_PATTERN_NEXT = `This is the last pattern of the workshop. Go back to the [list of patterns](${PATTERN_LIST_LINK}).`;

/**
 * The Markdown link from one pattern's README to another's: its text is the manifest title.
 *
 * @param pattern - The pattern linked to.
 * @returns `[<title>](../<slug>/README.md)`.
 * @example
 * ```ts
 * patternLink({ slug: 'large-pdf', title: 'Stream a 7 MB PDF past the 6 MB limit' });
 * // '[Stream a 7 MB PDF past the 6 MB limit](../large-pdf/README.md)'
 * ```
 */
export function patternLink(pattern: { slug: string; title: string }): string {
  return `[${pattern.title}](../${pattern.slug}/README.md)`;
}
