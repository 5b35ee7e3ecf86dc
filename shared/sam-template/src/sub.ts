import type { Scope } from './scope.js';
import { intrinsicName, isMap, type TemplateMap } from './values.js';

const PLACEHOLDER = /\$\{([^}]*)\}/g;

function lookup(name: string, variables: TemplateMap, scope: Scope): string | undefined {
  const value = name in variables ? variables[name] : scope.context.refs.get(name);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (Array.isArray(value))
    scope.fail(`Fn::Sub: \${${name}} is a list, which Fn::Sub cannot insert`);
  // A resource (`${Table}`), an attribute (`${Table.Arn}`) or an unresolved variable.
  return undefined;
}

/** Replaces each `${...}`; `${!Literal}` becomes `${Literal}` only when `unescapeLiterals` is set. */
function substitute(text: string, variables: TemplateMap, scope: Scope, unescapeLiterals: boolean) {
  let complete = true;
  const result = text.replace(PLACEHOLDER, (whole, name: string) => {
    if (name.startsWith('!')) return unescapeLiterals ? `\${${name.slice(1)}}` : whole;
    const value = lookup(name, variables, scope);
    if (value === undefined) complete = false;
    return value ?? whole;
  });
  return { result, complete };
}

function unresolvedVariables(variables: TemplateMap): TemplateMap {
  return Object.fromEntries(
    Object.entries(variables).filter(([, value]) => intrinsicName(value) !== undefined),
  );
}

function splitArgument(argument: unknown, scope: Scope): { text: string; variables: TemplateMap } {
  if (typeof argument === 'string') return { text: argument, variables: {} };
  if (Array.isArray(argument) && argument.length === 2 && typeof argument[0] === 'string') {
    const variables = scope.resolve(argument[1]);
    if (isMap(variables)) return { text: argument[0], variables };
  }
  return scope.fail('Fn::Sub takes a string or [string, { Name: value }]');
}

/**
 * Resolves `Fn::Sub`: `${Param}`, `${AWS::Region}` and names from the variable map are
 * substituted, `${!Literal}` becomes `${Literal}`. When a name refers to a resource or attribute,
 * the known names are still substituted and `{ 'Fn::Sub': partial }` is returned.
 * [AWS docs: Fn::Sub](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html)
 *
 * @param argument - `'text'` or `['text', { Name: value }]`.
 * @param scope - Where the value sits in the template.
 * @returns The substituted string, or a partially substituted `Fn::Sub`.
 * @example
 * ```ts
 * resolveSub('arn:${AWS::Partition}:s3:::${Bucket}', scope);
 * // { 'Fn::Sub': 'arn:aws:s3:::${Bucket}' } when Bucket is a resource
 * ```
 */
export function resolveSub(argument: unknown, scope: Scope): unknown {
  const { text, variables } = splitArgument(argument, scope);
  const { result, complete } = substitute(text, variables, scope, true);
  if (complete) return result;
  // Keep `${!Literal}` escaped: CloudFormation will still process this Fn::Sub.
  const partial = substitute(text, variables, scope, false).result;
  const pending = unresolvedVariables(variables);
  return { 'Fn::Sub': Object.keys(pending).length === 0 ? partial : [partial, pending] };
}
