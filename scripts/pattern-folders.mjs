/**
 * The one place that finds the patterns: folders `patterns/<slug>/` that hold a `pattern.json`,
 * in workshop order (`order` in the manifest). Plain JavaScript, so that `npm start`
 * (scripts/start.mjs) can use it with plain node before anything is built. Types and examples:
 * pattern-folders.d.mts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PATTERNS_DIR = 'patterns';

/** The slugs of the folders under `<root>/patterns` that hold a pattern.json, sorted by name. */
export function patternSlugs(root) {
  const dir = join(root, PATTERNS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'pattern.json')))
    .map((entry) => entry.name)
    .sort();
}

/** A pattern's pattern.json, parsed but not validated; throws naming the file if not JSON. */
export function readManifestJson(root, slug) {
  const file = join(PATTERNS_DIR, slug, 'pattern.json');
  try {
    return JSON.parse(readFileSync(join(root, file), 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${error.message}`);
  }
}

/** Workshop order, then slug; a missing or non-numeric order sorts last. */
export function byWorkshopOrder(a, b) {
  const orderOf = (order) => (Number.isFinite(order) ? order : Number.POSITIVE_INFINITY);
  return orderOf(a.order) - orderOf(b.order) || a.slug.localeCompare(b.slug);
}

/** Every pattern, in workshop order, with its folder and template relative to the root. */
export function patternsInOrder(root) {
  return patternSlugs(root)
    .map((slug) => {
      const folder = join(PATTERNS_DIR, slug);
      const order = readManifestJson(root, slug)?.order;
      return { slug, order, folder, template: join(folder, 'template.yaml') };
    })
    .sort(byWorkshopOrder);
}
