import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { displayPath, TemplateError } from './errors.js';
import { parseTemplate } from './template.js';
import type { SamTemplate, TemplateOptions } from './types.js';

/**
 * Reads and parses a SAM template file. See {@link parseTemplate} for what is resolved.
 *
 * @param path - Path of the template (relative paths resolve against the working directory).
 * @param options - Parameter overrides and pseudo parameter values.
 * @returns The template.
 * @throws {@link TemplateError} when the file cannot be read or the template cannot run locally.
 * @example
 * ```ts
 * const template = await loadTemplate('patterns/ttfb-write/template.yaml');
 * for (const fn of template.functions) console.log(fn.logicalId, fn.handler);
 * ```
 */
export async function loadTemplate(
  path: string,
  options: TemplateOptions = {},
): Promise<SamTemplate> {
  const file = resolve(path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TemplateError(file, '', `cannot read the template (${reason})`);
  }
  return parseTemplate(text, { ...options, path: file });
}

function assertUniqueIds(templates: readonly SamTemplate[]): void {
  const seen = new Map<string, string>();
  for (const template of templates) {
    for (const { logicalId } of template.functions) {
      const first = seen.get(logicalId);
      if (first !== undefined) {
        const detail = `function logical ID "${logicalId}" is also defined in ${displayPath(first)}; function logical IDs must be unique across templates`;
        throw new TemplateError(template.path, `Resources.${logicalId}`, detail);
      }
      seen.set(logicalId, template.path);
    }
  }
}

/**
 * Loads several templates at once, for tools that serve every function of every template (the
 * local emulator names functions by logical ID, so the IDs must be unique across templates). It
 * also checks that each function's code exists (`checkCode`, on unless set to `false`), so that a
 * missing build fails at start, naming the template property.
 *
 * @param paths - Template paths.
 * @param options - Options applied to every template (overrides for undeclared names are ignored).
 * @returns The templates, in the order of `paths`.
 * @throws {@link TemplateError} naming both files when two templates define the same function
 *   ID, or the file, property and path of code that does not exist.
 * @example
 * ```ts
 * const templates = await loadTemplates(['patterns/ttfb-write/template.yaml', 'patterns/sdk-invoke/template.yaml']);
 * const functions = templates.flatMap((template) => template.functions);
 * ```
 */
export async function loadTemplates(
  paths: readonly string[],
  options: TemplateOptions = {},
): Promise<SamTemplate[]> {
  const checked = { ...options, checkCode: options.checkCode ?? true };
  const templates = await Promise.all(paths.map((path) => loadTemplate(path, checked)));
  assertUniqueIds(templates);
  return templates;
}
