/**
 * Writes a planned pattern (pattern-scaffold.ts) all at once: its folder is filled beside the
 * others and renamed into place, then the previous last pattern's Next section and the root
 * README's Patterns table are updated. Whatever fails, nothing half-written stays behind.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderCatalog, replaceCatalog } from './catalog.js';
import { type PatternPlan, ScaffoldError } from './pattern-scaffold.js';
import { patternLink } from './pattern-standard.js';

/**
 * Writes the new pattern and links it into the series.
 *
 * @param root - The repository root.
 * @param plan - What to write.
 * @returns The files written or changed, relative to the root.
 * @throws {@link ScaffoldError} when the READMEs to update lack what they need (nothing is
 *   written then); file system errors after undoing what was written.
 * @example
 * ```ts
 * writePattern(root, await planPattern(root, 'chunked-csv'));
 * ```
 */
export function writePattern(root: string, plan: PatternPlan): string[] {
  const { slug } = plan.manifest;
  const updates = readmeUpdates(root, plan);
  const target = join(root, 'patterns', slug);
  const staging = join(root, 'patterns', `.${slug}.partial-${process.pid}`);
  try {
    for (const [file, text] of plan.files) {
      mkdirSync(dirname(join(staging, file)), { recursive: true });
      writeFileSync(join(staging, file), text);
    }
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const written: [string, string][] = [];
  try {
    for (const [file, text] of updates) {
      written.push([file, readFileSync(join(root, file), 'utf8')]);
      replaceFile(join(root, file), text);
    }
  } catch (error) {
    for (const [file, original] of written) replaceFile(join(root, file), original);
    rmSync(target, { recursive: true, force: true });
    throw error;
  }
  return [`patterns/${slug}/`, ...updates.keys()];
}

/** The new texts of the READMEs that change, computed before anything is written. */
function readmeUpdates(root: string, plan: PatternPlan): Map<string, string> {
  const updates = new Map<string, string>();
  const previous = plan.existing.at(-1);
  if (previous !== undefined) {
    const file = `patterns/${previous.slug}/README.md`;
    const next = wrap(`Continue with ${patternLink(plan.manifest)}. ${plan.manifest.summary}`);
    updates.set(file, replaceNextSection(readFileSync(join(root, file), 'utf8'), next, file));
  }
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  try {
    updates.set(
      'README.md',
      replaceCatalog(readme, renderCatalog([...plan.existing, plan.manifest])),
    );
  } catch (error) {
    throw new ScaffoldError((error as Error).message);
  }
  return updates;
}

/** Replaces the text of the README's last section, `## Next`, with `body`. */
function replaceNextSection(readme: string, body: string, file: string): string {
  const heading = readme.lastIndexOf('\n## Next\n');
  if (heading < 0) throw new ScaffoldError(`${file} has no "## Next" section to link from.`);
  return `${readme.slice(0, heading)}\n## Next\n\n${body}\n`;
}

/** Breaks a paragraph into lines of at most 100 characters, as the READMEs are written. */
function wrap(paragraph: string): string {
  const lines: string[] = [];
  for (const word of paragraph.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= 100)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/** Writes beside and renames, so a reader never sees half a file. */
function replaceFile(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
