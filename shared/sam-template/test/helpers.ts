import {
  parseTemplate,
  type SamFunction,
  type SamTemplate,
  type TemplateOptions,
} from '../src/index.js';

/** The path every inline test template pretends to live at. */
export const TEMPLATE_PATH = 'patterns/demo/template.yaml';

/** Indents a YAML snippet so it can sit under a key `levels` deep. */
export function indent(text: string, levels: number): string {
  const pad = '  '.repeat(levels);
  return text
    .trim()
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}

/** Parses inline template text as if it were `patterns/demo/template.yaml`. */
export function parse(text: string, options: TemplateOptions = {}): SamTemplate {
  return parseTemplate(text, { ...options, path: TEMPLATE_PATH });
}

/** A template with one function `Fn` whose `Properties` are exactly `properties`. */
export function bareFunctionTemplate(properties: string, sections = ''): string {
  return [
    'Transform: AWS::Serverless-2016-10-31',
    sections.trim(),
    'Resources:',
    '  Table:',
    '    Type: AWS::DynamoDB::Table',
    '  Fn:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    indent(properties, 3),
  ].join('\n');
}

/** Like {@link bareFunctionTemplate}, with `Runtime`, `CodeUri` and `Handler` already set. */
export function functionTemplate(properties: string, sections = ''): string {
  const base = 'Runtime: nodejs22.x\nCodeUri: dist/fn/\nHandler: fn.handler';
  return bareFunctionTemplate(`${base}\n${properties}`, sections);
}

/** Parses a one-function template and returns `Fn`. */
export function parseFunction(
  properties: string,
  sections = '',
  options: TemplateOptions = {},
): SamFunction {
  const [fn] = parse(functionTemplate(properties, sections), options).functions;
  if (fn === undefined) throw new Error('the template has no function');
  return fn;
}

/** Resolves one YAML value by putting it in environment variable `VALUE` of a function. */
export function resolveInVariable(
  value: string,
  sections = '',
  options: TemplateOptions = {},
): string | undefined {
  const fn = parseFunction(`Environment:\n  Variables:\n    VALUE: ${value}`, sections, options);
  return fn.environment.VALUE;
}
