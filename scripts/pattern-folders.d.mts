/**
 * Types of pattern-folders.mjs: the one place that finds the patterns (`patterns/<slug>/` with a
 * `pattern.json`) and puts them in workshop order.
 * @module
 */

/** The folder, relative to the repository root, that holds one folder per pattern. */
export declare const PATTERNS_DIR: 'patterns';

/**
 * A pattern found on disk, before its manifest is validated.
 *
 * @example
 * ```ts
 * const [first]: PatternFolder[] = patternsInOrder(root);
 * // { slug: 'ttfb-write', order: 1, folder: 'patterns/ttfb-write',
 * //   template: 'patterns/ttfb-write/template.yaml' }
 * ```
 */
export interface PatternFolder {
  readonly slug: string;
  /** `order` from pattern.json as written (a number when the manifest is valid). */
  readonly order: unknown;
  /** The pattern's folder, relative to the repository root. */
  readonly folder: string;
  /** Its template.yaml, relative to the repository root. */
  readonly template: string;
}

/**
 * The slugs of the folders under `<root>/patterns` that hold a pattern.json, sorted by name.
 *
 * @param root - The repository root.
 * @returns The slugs; empty when there is no patterns folder.
 * @example
 * ```ts
 * patternSlugs(root); // ['large-pdf', 'sdk-invoke', 'ttfb-pipeline', 'ttfb-write']
 * ```
 */
export declare function patternSlugs(root: string): string[];

/**
 * A pattern's pattern.json, parsed but not validated.
 *
 * @param root - The repository root.
 * @param slug - The pattern's folder name.
 * @returns The parsed JSON.
 * @throws Error naming the file when it is not valid JSON.
 * @example
 * ```ts
 * const manifest = readManifestJson(root, 'ttfb-write'); // { slug: 'ttfb-write', order: 1, ... }
 * ```
 */
export declare function readManifestJson(root: string, slug: string): unknown;

/**
 * Compares two patterns by workshop order, then by slug; a missing or non-numeric order sorts last.
 *
 * @param a - A pattern with its `order`.
 * @param b - Another.
 * @returns Negative when `a` comes first.
 * @example
 * ```ts
 * manifests.sort(byWorkshopOrder);
 * ```
 */
export declare function byWorkshopOrder(
  a: { readonly order: unknown; readonly slug: string },
  b: { readonly order: unknown; readonly slug: string },
): number;

/**
 * Every pattern, in workshop order: what `npm start`, the benchmarks and the checks iterate over.
 *
 * @param root - The repository root.
 * @returns The patterns, sorted by `order`, then slug.
 * @throws Error naming the file when a pattern.json is not valid JSON.
 * @example
 * ```ts
 * patternsInOrder(root).map((pattern) => pattern.template);
 * // ['patterns/ttfb-write/template.yaml', 'patterns/ttfb-pipeline/template.yaml', ...]
 * ```
 */
export declare function patternsInOrder(root: string): PatternFolder[];
