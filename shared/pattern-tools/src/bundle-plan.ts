import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SamFunction, SamTemplate } from '@lambda-streaming/sam-template';
import { parseHandler } from '@lambda-streaming/sam-template';
import { BundleError } from './errors.js';
import { nodeMajor } from './node-runtime.js';
import { displayPath, isInside } from './paths.js';

/** Extensions tried, in order, for the source of a handler module under `src/`. */
const SOURCE_EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'];

/**
 * One esbuild entry point: a source file and the module it becomes in the bundle folder.
 *
 * @example
 * ```ts
 * const entry: PlannedEntry = { modulePath: 'happy-path', source: '/repo/p/src/happy-path.ts', functions: ['TimeoutFunction'] };
 * ```
 */
export interface PlannedEntry {
  /** Module path inside the bundle folder, without extension (`happy-path`). */
  readonly modulePath: string;
  /** Absolute path of the source file (`src/happy-path.ts`). */
  readonly source: string;
  /** Logical IDs of the functions whose `Handler` names this module. */
  readonly functions: string[];
}

/**
 * One bundle folder (`dist/<bundle-name>/`) and what goes in it.
 *
 * @example
 * ```ts
 * const bundle: PlannedBundle = { dir: '/repo/p/dist/timeout', entries: [entry], runtimes: ['nodejs24.x'] };
 * ```
 */
export interface PlannedBundle {
  /** Absolute path of the folder (a function's `CodeUri`). */
  readonly dir: string;
  readonly entries: PlannedEntry[];
  /** The `Runtime` of each function that loads it (the build targets the oldest). */
  readonly runtimes: string[];
}

function findSource(template: SamTemplate, modulePath: string): string | undefined {
  const base = join(template.dir, 'src', modulePath);
  return SOURCE_EXTENSIONS.map((extension) => base + extension).find((file) => existsSync(file));
}

function where(template: SamTemplate, fn: SamFunction, property: string): string {
  return `${displayPath(template.path, process.cwd())}: Resources.${fn.logicalId}.Properties.${property}`;
}

function addFunction(template: SamTemplate, fn: SamFunction, bundle: PlannedBundle): string[] {
  if (nodeMajor(fn.runtime) === undefined) {
    return [
      `${where(template, fn, 'Runtime')}: "${fn.runtime}" is not a Node.js runtime (nodejs<major>.x)`,
    ];
  }
  bundle.runtimes.push(fn.runtime);
  if (!isInside(fn.codeUri, join(template.dir, 'dist'))) {
    return [
      `${where(template, fn, 'CodeUri')}: must be a folder under dist/ (dist/<bundle-name>/)`,
    ];
  }
  const parts = parseHandler(fn.handler);
  if (parts === undefined) {
    return [`${where(template, fn, 'Handler')}: "${fn.handler}" is not <file>.<export>`];
  }
  const existing = bundle.entries.find((entry) => entry.modulePath === parts.modulePath);
  if (existing !== undefined) {
    existing.functions.push(fn.logicalId);
    return [];
  }
  const source = findSource(template, parts.modulePath);
  if (source === undefined) {
    const expected = displayPath(
      join(template.dir, 'src', `${parts.modulePath}.ts`),
      process.cwd(),
    );
    return [
      `${where(template, fn, 'Handler')}: "${fn.handler}" needs ${expected}, which does not exist`,
    ];
  }
  bundle.entries.push({ modulePath: parts.modulePath, source, functions: [fn.logicalId] });
  return [];
}

/**
 * Works out which bundles to build: one per distinct `CodeUri`, each with one entry per handler
 * module (`Handler: happy-path.handler` → `src/happy-path.ts`), and the runtimes it is built for. Checks everything before anything
 * is deleted or written, and reports every problem at once.
 *
 * @param template - The loaded template.
 * @returns The bundles, in template order.
 * @throws {@link BundleError} listing each missing entry file, malformed `Handler`, `CodeUri`
 *   outside `dist/` or `Runtime` that is not Node.js.
 * @example
 * ```ts
 * const bundles = planBundles(await loadTemplate('template.yaml'));
 * bundles.map((bundle) => bundle.dir); // ['/repo/patterns/sdk-invoke/dist/happy-path', ...]
 * ```
 */
export function planBundles(template: SamTemplate): PlannedBundle[] {
  const bundles = new Map<string, PlannedBundle>();
  const problems: string[] = [];
  for (const fn of template.functions) {
    const bundle = bundles.get(fn.codeUri) ?? { dir: fn.codeUri, entries: [], runtimes: [] };
    bundles.set(fn.codeUri, bundle);
    problems.push(...addFunction(template, fn, bundle));
  }
  if (problems.length > 0) throw new BundleError(problems.join('\n'));
  return [...bundles.values()].filter((bundle) => bundle.entries.length > 0);
}
