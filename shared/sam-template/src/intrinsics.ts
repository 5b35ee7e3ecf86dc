import { TemplateError } from './errors.js';
import { LOCAL_INTRINSICS } from './intrinsic-functions.js';
import type { ResolveContext, Scope } from './scope.js';
import { intrinsicName, isMap, NO_VALUE } from './values.js';

function scopeAt(context: ResolveContext, path: string): Scope {
  return {
    context,
    path,
    resolve: (value) => resolveValue(value, context, path),
    fail: (detail) => {
      throw new TemplateError(context.file, path, detail);
    },
  };
}

function resolveIntrinsic(name: string, argument: unknown, context: ResolveContext, path: string) {
  const resolver = LOCAL_INTRINSICS[name];
  const scope = scopeAt(context, path);
  // Functions that need a deployed stack keep their shape, with their arguments resolved.
  return resolver === undefined ? { [name]: scope.resolve(argument) } : resolver(argument, scope);
}

/**
 * Resolves every intrinsic function in a value that can be evaluated locally (`Ref` to parameters
 * and pseudo parameters, `Fn::Sub`, `Fn::Join`, `Fn::Select`, `Fn::Split`, `Fn::If`,
 * `Fn::FindInMap`, `Fn::Base64`). Keys and list items that resolve to `AWS::NoValue` are removed;
 * references to resources and `Fn::GetAtt` stay as they are, for the caller to judge.
 *
 * @param value - A long-form template value.
 * @param context - Parameters, mappings and conditions of the template.
 * @param path - Property path of `value`, for error messages.
 * @returns The resolved value, or {@link NO_VALUE} when the whole value is `AWS::NoValue`.
 * @example
 * ```ts
 * resolveValue({ 'Fn::Sub': '${AWS::Region}-x' }, context, 'Resources.Fn.Properties.Description');
 * // 'us-east-1-x'
 * ```
 */
export function resolveValue(value: unknown, context: ResolveContext, path: string): unknown {
  if (Array.isArray(value)) {
    return value
      .map((item, index) => resolveValue(item, context, `${path}[${index}]`))
      .filter((item) => item !== NO_VALUE);
  }
  if (!isMap(value)) return value;
  const name = intrinsicName(value);
  // `Condition` as a key is only a condition reference inside the Conditions section.
  if (name !== undefined && name !== 'Condition') {
    return resolveIntrinsic(name, value[name], context, path);
  }
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const resolved = resolveValue(item, context, path === '' ? key : `${path}.${key}`);
    if (resolved !== NO_VALUE) result[key] = resolved;
  }
  return result;
}
