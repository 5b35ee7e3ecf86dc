import { describeValue } from './describe.js';
import { displayPath } from './errors.js';
import type { FunctionScope } from './function-scope.js';
import { resolveValue } from './intrinsics.js';
import { type At, child, fail, readOptionalMap } from './read.js';
import { intrinsicName, isMap, NO_VALUE, type TemplateMap } from './values.js';

type Variable = readonly [name: string, value: unknown, at: At];

function plainVariables(environment: unknown): TemplateMap | undefined {
  if (!isMap(environment) || intrinsicName(environment) !== undefined) return undefined;
  const variables = environment.Variables;
  return isMap(variables) && intrinsicName(variables) === undefined ? variables : undefined;
}

/** Resolves each variable at the path it was written at (function or Globals). */
function variablesOneByOne(variables: TemplateMap, scope: FunctionScope): Variable[] {
  const own = plainVariables(scope.local.Environment) ?? {};
  const ownPath = `Resources.${scope.logicalId}.Properties.Environment.Variables`;
  return Object.entries(variables).map(([name, value]) => {
    const base = name in own ? ownPath : 'Globals.Function.Environment.Variables';
    const at = { file: scope.context.file, path: `${base}.${name}` };
    return [name, resolveValue(value, scope.context, at.path), at] as const;
  });
}

/** `Environment` or `Variables` is itself an intrinsic (e.g. `!If`): resolve it as a whole. */
function variablesAsWhole(scope: FunctionScope): Variable[] {
  const at = scope.at('Environment');
  const environment = readOptionalMap(scope.read('Environment'), at);
  const variablesAt = child(at, 'Variables');
  const variables = readOptionalMap(environment?.Variables, variablesAt) ?? {};
  return Object.entries(variables).map(([name, value]) => [name, value, child(variablesAt, name)]);
}

function toText(variable: Variable, warnings: string[]): string {
  const [, value, at] = variable;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (intrinsicName(value) === undefined) return fail('a string', value, at);
  const placeholder = `<${describeValue(value)}>`;
  warnings.push(
    `${displayPath(at.file)}: ${at.path}: ${describeValue(value)} cannot be resolved locally; ` +
      `the variable is set to "${placeholder}"`,
  );
  return placeholder;
}

/**
 * Reads a function's `Environment.Variables` after the Globals merge. Values that refer to
 * resources (`!Ref Table`, `!GetAtt Table.Arn`) cannot be known locally: they become a readable
 * placeholder such as `<!GetAtt Table.Arn>` and a warning is collected.
 *
 * @param scope - The function being read.
 * @returns Variable names to string values.
 * @example
 * ```ts
 * readEnvironment(scope); // { STAGE: 'dev', TABLE_ARN: '<!GetAtt Table.Arn>' }
 * ```
 */
export function readEnvironment(scope: FunctionScope): Record<string, string> {
  const raw = scope.merged.Environment;
  if (raw === undefined) return {};
  const variables = plainVariables(raw);
  const entries = variables ? variablesOneByOne(variables, scope) : variablesAsWhole(scope);
  const environment: Record<string, string> = {};
  for (const variable of entries) {
    if (variable[1] !== NO_VALUE)
      environment[variable[0]] = toText(variable, scope.context.warnings);
  }
  return environment;
}
