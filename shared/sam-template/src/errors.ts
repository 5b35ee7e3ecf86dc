import { isAbsolute, relative } from 'node:path';

/**
 * Shows a template path relative to the working directory when it lies below it, so messages
 * read `patterns/x/template.yaml` rather than a long absolute path.
 *
 * @param file - Absolute or relative path of the template file.
 * @returns The path to print in messages.
 * @example
 * ```ts
 * displayPath(`${process.cwd()}/patterns/x/template.yaml`); // 'patterns/x/template.yaml'
 * ```
 */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/**
 * The one error type of this package: something in a template that cannot be read or emulated
 * locally. The message names the template file and the property path, e.g.
 * `patterns/x/template.yaml: Resources.MyFn.Properties.Runtime: expected a string, got !GetAtt A.B`.
 *
 * @example
 * ```ts
 * try {
 *   await loadTemplate('template.yaml');
 * } catch (error) {
 *   if (error instanceof TemplateError) console.error(error.propertyPath, error.detail);
 * }
 * ```
 */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';

  /**
   * @param file - The template file the problem is in.
   * @param propertyPath - Dotted path of the property (`Resources.Fn.Properties.Timeout`), or `''`.
   * @param detail - What is wrong, without the file and path.
   */
  constructor(
    readonly file: string,
    readonly propertyPath: string,
    readonly detail: string,
  ) {
    super(
      propertyPath === ''
        ? `${displayPath(file)}: ${detail}`
        : `${displayPath(file)}: ${propertyPath}: ${detail}`,
    );
  }
}
