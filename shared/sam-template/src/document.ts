import { parseDocument, type YAMLError } from 'yaml';
import { TemplateError } from './errors.js';
import { cloudFormationTags } from './tags.js';
import { isMap, type TemplateMap } from './values.js';

function yamlProblem(file: string, problem: YAMLError): TemplateError {
  const position = problem.linePos?.[0];
  const where = position === undefined ? '' : `line ${position.line}, column ${position.col}: `;
  // With prettyErrors, yaml appends " at line L, column C:" and a code excerpt; keep the first part.
  const message = (problem.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  return new TemplateError(file, '', `${where}${message}`);
}

/**
 * Parses template text (YAML or JSON) into plain JavaScript values, with every CloudFormation
 * short-form tag turned into its long form. No intrinsic function is resolved here. Unknown tags
 * and YAML syntax errors throw a {@link TemplateError} that names the line.
 *
 * @param text - The template source.
 * @param file - The template path, used in error messages.
 * @returns The top-level template mapping.
 * @example
 * ```ts
 * const doc = parseTemplateDocument('Resources:\n  Fn:\n    Type: !Ref T\n', 'template.yaml');
 * doc.Resources; // { Fn: { Type: { Ref: 'T' } } }
 * ```
 */
export function parseTemplateDocument(text: string, file: string): TemplateMap {
  const document = parseDocument(text, { customTags: [...cloudFormationTags], prettyErrors: true });
  const [error] = document.errors;
  if (error !== undefined) throw yamlProblem(file, error);
  const unknownTag = document.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (unknownTag !== undefined) throw yamlProblem(file, unknownTag);
  const value: unknown = document.toJS();
  if (!isMap(value)) throw new TemplateError(file, '', 'a template must be a YAML or JSON mapping');
  return value;
}
