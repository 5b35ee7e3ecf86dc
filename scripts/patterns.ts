/**
 * Reads and validates the pattern manifests (`patterns/<slug>/pattern.json`) against
 * `scripts/pattern.schema.json`. Shared by validate-patterns.ts and build-catalog.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { checkPatternSet } from './pattern-conformance.js';
import { byWorkshopOrder, patternSlugs, readManifestJson } from './pattern-folders.mjs';

/** A pattern manifest, as the schema defines it. */
export interface PatternManifest {
  slug: string;
  title: string;
  summary: string;
  level: 100 | 200 | 300 | 400;
  order: number;
  invokeMode: 'RESPONSE_STREAM';
  integration: 'function-url' | 'api-gateway-rest' | 'sdk-invoke';
  teaches: string[];
  files: string[];
}

/** The manifests found under `<root>/patterns`, in workshop order, and what is wrong with them. */
export interface PatternCatalog {
  patterns: PatternManifest[];
  problems: string[];
}

const schema = JSON.parse(readFileSync(new URL('./pattern.schema.json', import.meta.url), 'utf8'));

/**
 * Loads every `patterns/<slug>/pattern.json` below `root` and checks it: the schema, the slug
 * against the folder name, the files it names, and that no two patterns share an order.
 *
 * @param root - The repository root.
 * @returns The manifests sorted by `order`, and one message per problem found.
 * @example
 * ```ts
 * const { patterns, problems } = readPatternCatalog(process.cwd());
 * ```
 */
export function readPatternCatalog(root: string): PatternCatalog {
  const validate = new Ajv({ allErrors: true }).compile<PatternManifest>(schema);
  const patterns: PatternManifest[] = [];
  const problems: string[] = [];
  for (const slug of patternSlugs(root)) {
    const file = join('patterns', slug, 'pattern.json');
    let manifest: unknown;
    try {
      manifest = readManifestJson(root, slug);
    } catch (error) {
      problems.push((error as Error).message);
      continue;
    }
    if (!validate(manifest)) {
      for (const error of validate.errors ?? []) {
        problems.push(`${file}: ${error.instancePath || '/'} ${error.message}`);
      }
      continue;
    }
    problems.push(...checkManifest(root, slug, manifest));
    patterns.push(manifest);
  }
  problems.push(...duplicateOrders(patterns));
  return { patterns: patterns.sort(byWorkshopOrder), problems };
}

function checkManifest(root: string, folder: string, manifest: PatternManifest): string[] {
  const file = join('patterns', folder, 'pattern.json');
  const problems: string[] = [];
  if (manifest.slug !== folder) {
    problems.push(`${file}: slug "${manifest.slug}" differs from the folder name "${folder}"`);
  }
  for (const named of manifest.files) {
    if (!existsSync(join(root, 'patterns', folder, named))) {
      problems.push(`${file}: files names "${named}", which does not exist`);
    }
  }
  return problems;
}

function duplicateOrders(patterns: PatternManifest[]): string[] {
  const seen = new Map<number, string>();
  const problems: string[] = [];
  for (const pattern of patterns) {
    const other = seen.get(pattern.order);
    if (other) problems.push(`patterns ${other} and ${pattern.slug} share order ${pattern.order}`);
    seen.set(pattern.order, pattern.slug);
  }
  return problems;
}

/**
 * Everything `npm run validate:patterns` checks: the manifests ({@link readPatternCatalog}),
 * then each pattern's files and README against the standard (scripts/pattern-standard.ts).
 *
 * @param root - The repository root.
 * @returns The valid manifests in workshop order, and every problem found.
 * @example
 * ```ts
 * const { problems } = validatePatterns(process.cwd());
 * if (problems.length > 0) process.exitCode = 1;
 * ```
 */
export function validatePatterns(root: string): PatternCatalog {
  const catalog = readPatternCatalog(root);
  return {
    ...catalog,
    problems: [...catalog.problems, ...checkPatternSet(root, catalog.patterns)],
  };
}
