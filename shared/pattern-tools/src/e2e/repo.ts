import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A folder given as a path or a `file:` URL (such as `new URL('..', import.meta.url)`).
 *
 * @param dir - The folder.
 * @returns Its absolute path.
 * @example
 * ```ts
 * toPath(new URL('..', import.meta.url)); // '/repo/patterns/ttfb-write'
 * ```
 */
export function toPath(dir: string | URL): string {
  return resolve(typeof dir === 'string' ? dir : fileURLToPath(dir));
}

/**
 * The pattern's slug: its folder's name, which is also its default stack name.
 *
 * @param patternDir - The pattern's folder.
 * @returns The slug.
 * @example
 * ```ts
 * patternSlug('/repo/patterns/sdk-invoke'); // 'sdk-invoke'
 * ```
 */
export function patternSlug(patternDir: string): string {
  return basename(patternDir);
}

/**
 * The repository root: the nearest folder at or above `from` whose package.json declares
 * workspaces.
 *
 * @param from - Where to start looking.
 * @returns The root's path.
 * @throws Error when no such folder exists.
 * @example
 * ```ts
 * findRepoRoot('/repo/patterns/ttfb-write'); // '/repo'
 * ```
 */
export function findRepoRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (declaresWorkspaces(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No workspace root above ${from}`);
  }
}

function declaresWorkspaces(file: string): boolean {
  if (!existsSync(file)) return false;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { workspaces?: unknown };
  return manifest.workspaces !== undefined;
}
