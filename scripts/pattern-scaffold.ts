/**
 * Plans a new pattern from scripts/pattern-template/: checks the slug and the title, picks the
 * next workshop order and fills the template's placeholders, without writing anything. Used by
 * new-pattern.ts (write-pattern.ts writes the plan).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTemplate } from '@lambda-streaming/sam-template';
import { type PatternManifest, readPatternCatalog } from './patterns.js';

/** Where the files of a new pattern come from. */
export const TEMPLATE_DIR = fileURLToPath(new URL('./pattern-template/', import.meta.url));

/** Longest slug: it becomes a stack name, a package name and part of logical IDs and lines. */
export const MAX_SLUG_LENGTH = 40;

const SLUG = new RegExp(
  JSON.parse(readFileSync(new URL('./pattern.schema.json', import.meta.url), 'utf8')).properties
    .slug.pattern,
);

/**
 * A new pattern cannot be made as asked; the message says why.
 *
 * @example
 * ```ts
 * throw new ScaffoldError('patterns/ttfb-write already exists');
 * ```
 */
export class ScaffoldError extends Error {
  override readonly name = 'ScaffoldError';
}

/** Everything about a new pattern, before it is written. */
export interface PatternPlan {
  readonly manifest: PatternManifest;
  /** The logical ID of its function (`DemoStreamFunction`). */
  readonly functionId: string;
  /** File contents by path relative to the new pattern's folder. */
  readonly files: ReadonlyMap<string, string>;
  /** The manifests already there, in workshop order. */
  readonly existing: readonly PatternManifest[];
}

/**
 * Checks the request against the repository and fills the template.
 *
 * @param root - The repository root.
 * @param slug - The new pattern's folder name (kebab-case).
 * @param title - Its title; by default the slug's words (`demo-stream` → `Demo stream`).
 * @returns The plan.
 * @throws {@link ScaffoldError} for a bad or taken slug, a bad title, a logical ID already in
 *   use, or manifests that are not valid.
 * @example
 * ```ts
 * const plan = await planPattern(root, 'chunked-csv');
 * plan.manifest.order; // 5
 * ```
 */
export async function planPattern(
  root: string,
  slug: string,
  title?: string,
): Promise<PatternPlan> {
  checkSlug(root, slug);
  const name = title ?? slugWords(slug);
  if (name.length < 3 || name.length > 80 || /[\r\n]/.test(name)) {
    throw new ScaffoldError(`The title must be one line of 3 to 80 characters (got "${name}").`);
  }
  const { patterns, problems } = readPatternCatalog(root);
  if (problems.length > 0) {
    throw new ScaffoldError(`Fix the pattern manifests first:\n${problems.join('\n')}`);
  }
  const functionId = `${slug.split('-').map(capitalize).join('')}Function`;
  await checkFunctionId(root, patterns, functionId);
  const order = Math.max(0, ...patterns.map((pattern) => pattern.order)) + 1;
  const values = { __SLUG__: slug, __TITLE__: name, __FUNCTION__: functionId.slice(0, -8) };
  const files = fillTemplate(values, order);
  const manifest = JSON.parse(files.get('pattern.json') ?? '') as PatternManifest;
  return { manifest, functionId, files, existing: patterns };
}

function checkSlug(root: string, slug: string): void {
  if (!SLUG.test(slug)) {
    throw new ScaffoldError(
      `"${slug}" is not a kebab-case slug: lowercase letters and digits in words joined by single hyphens, starting with a letter (e.g. chunked-csv).`,
    );
  }
  if (slug.length > MAX_SLUG_LENGTH) {
    throw new ScaffoldError(`"${slug}" is longer than ${MAX_SLUG_LENGTH} characters.`);
  }
  const taken = readdirSync(join(root, 'patterns')).find((name) => name === slug);
  if (taken !== undefined) throw new ScaffoldError(`patterns/${slug} already exists.`);
}

async function checkFunctionId(root: string, patterns: readonly PatternManifest[], id: string) {
  for (const pattern of patterns) {
    const template = await loadTemplate(join(root, 'patterns', pattern.slug, 'template.yaml'));
    if (template.functions.some((fn) => fn.logicalId === id)) {
      throw new ScaffoldError(
        `patterns/${pattern.slug} already has a function ${id}; logical IDs must be unique across the repository (local-lambda serves every template at once).`,
      );
    }
  }
}

/** Reads every template file and replaces its placeholders (JSON-escaped in .json files). */
function fillTemplate(values: Record<string, string>, order: number): Map<string, string> {
  const files = new Map<string, string>();
  const entries = readdirSync(TEMPLATE_DIR, { withFileTypes: true, recursive: true });
  for (const entry of entries.filter((candidate) => candidate.isFile())) {
    const path = join(entry.parentPath, entry.name);
    const json = entry.name.endsWith('.json');
    let text = readFileSync(path, 'utf8').replaceAll('"__ORDER__"', String(order));
    for (const [placeholder, value] of Object.entries(values)) {
      text = text.replaceAll(placeholder, json ? JSON.stringify(value).slice(1, -1) : value);
    }
    files.set(relative(TEMPLATE_DIR, path), text);
  }
  return files;
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** `demo-stream` → `Demo stream`. */
const slugWords = (slug: string) => capitalize(slug.split('-').join(' '));
