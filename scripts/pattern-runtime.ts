/**
 * Checks that a pattern README's Requirements name the Lambda runtime its template runs, so
 * moving a pattern to a new Node.js runtime cannot leave the workshop text behind. Used by
 * pattern-conformance.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTemplate } from '@lambda-streaming/sam-template';
import type { ReadmeSection } from './readme-outline.js';

/** Runtime identifiers as READMEs write them (`nodejs24.x`). */
const RUNTIME_NAME = /\bnodejs\d+\.x\b/g;

/**
 * Compares the runtimes in a README's Requirements section with the `Runtime` of every function
 * in the pattern's template.
 *
 * @param root - The repository root.
 * @param slug - The pattern's folder name.
 * @param requirements - The README's Requirements section, if it has one.
 * @returns One message per runtime the text lacks or names in vain, each starting with the file.
 * @example
 * ```ts
 * checkRequirementsRuntime(root, 'ttfb-write', section);
 * // ['patterns/ttfb-write/README.md: "Requirements" does not name nodejs24.x, the Runtime in template.yaml']
 * ```
 */
export function checkRequirementsRuntime(
  root: string,
  slug: string,
  requirements: ReadmeSection | undefined,
): string[] {
  const templatePath = join(root, 'patterns', slug, 'template.yaml');
  if (requirements === undefined || !existsSync(templatePath)) return [];
  let runtimes: string[];
  try {
    const template = parseTemplate(readFileSync(templatePath, 'utf8'), { path: templatePath });
    runtimes = [...new Set(template.functions.map((fn) => fn.runtime))];
  } catch (error) {
    return [`patterns/${slug}/template.yaml: ${(error as Error).message}`];
  }
  const named = new Set(requirements.body.match(RUNTIME_NAME) ?? []);
  const readme = `patterns/${slug}/README.md`;
  return [
    ...runtimes
      .filter((runtime) => !named.has(runtime))
      .map(
        (runtime) =>
          `${readme}: "Requirements" does not name ${runtime}, the Runtime in template.yaml`,
      ),
    ...[...named]
      .filter((runtime) => !runtimes.includes(runtime))
      .map(
        (runtime) => `${readme}: "Requirements" names ${runtime}, which template.yaml does not run`,
      ),
  ];
}
