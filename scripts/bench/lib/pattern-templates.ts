/** The patterns' templates, in workshop order (as `npm start` serves them). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.js';

/** A pattern and its template. */
export interface PatternTemplate {
  slug: string;
  template: string;
}

/**
 * Every pattern with a manifest, ordered by `pattern.json` `order`.
 *
 * @returns Slugs and template paths.
 * @example
 * ```ts
 * patternTemplates()[0]?.slug; // 'ttfb-write'
 * ```
 */
export function patternTemplates(): PatternTemplate[] {
  const dir = join(ROOT, 'patterns');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'pattern.json')))
    .map((entry) => {
      const manifest = JSON.parse(readFileSync(join(dir, entry.name, 'pattern.json'), 'utf8'));
      return {
        order: Number(manifest.order),
        slug: entry.name,
        template: join(dir, entry.name, 'template.yaml'),
      };
    })
    .sort((a, b) => a.order - b.order)
    .map(({ slug, template }) => ({ slug, template }));
}
