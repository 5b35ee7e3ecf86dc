import { isAbsolute, relative } from 'node:path';

/**
 * Shows a path relative to a base folder when it lies inside it, else as given.
 *
 * @param path - An absolute path.
 * @param base - The folder to show it from (usually the working directory).
 * @returns The path to print.
 * @example
 * ```ts
 * displayPath('/repo/patterns/x/dist/a/a.mjs', '/repo/patterns/x'); // 'dist/a/a.mjs'
 * ```
 */
export function displayPath(path: string, base: string): string {
  const rel = relative(base, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/**
 * Tells whether `path` lies strictly inside `parent` (not equal to it).
 *
 * @param path - An absolute path.
 * @param parent - An absolute folder path.
 * @returns `true` for `/a/dist/x` inside `/a/dist`, `false` for `/a/dist` or `/a/src`.
 * @example
 * ```ts
 * isInside('/repo/p/dist/greet', '/repo/p/dist'); // true
 * ```
 */
export function isInside(path: string, parent: string): boolean {
  const rel = relative(parent, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
