import { resolveValue } from './intrinsics.js';
import type { At } from './read.js';
import type { ResolveContext } from './scope.js';
import { NO_VALUE, type TemplateMap } from './values.js';

/** One function's properties (own, global and merged) and helpers to read them. */
export interface FunctionScope {
  readonly logicalId: string;
  readonly context: ResolveContext;
  /** The function's own `Properties`. */
  readonly local: TemplateMap;
  /** `Globals.Function`. */
  readonly globals: TemplateMap;
  /** `Globals.Function` merged into `Properties`, intrinsics not yet resolved. */
  readonly merged: TemplateMap;
  /** Where a top-level property comes from: the function, or `Globals.Function` if only there. */
  at(key: string): At;
  /** A merged top-level property with intrinsics resolved; `AWS::NoValue` reads as undefined. */
  read(key: string): unknown;
}

/**
 * Builds the {@link FunctionScope} of one function.
 *
 * @param logicalId - The function's logical ID.
 * @param local - Its `Properties`.
 * @param globals - `Globals.Function`.
 * @param merged - The two merged with `mergeGlobals`.
 * @param context - The template's resolve context.
 * @returns The scope.
 * @example
 * ```ts
 * const scope = createFunctionScope('Fn', { Timeout: 5 }, {}, { Timeout: 5 }, context);
 * scope.read('Timeout'); // 5
 * scope.at('Timeout').path; // 'Resources.Fn.Properties.Timeout'
 * ```
 */
export function createFunctionScope(
  logicalId: string,
  local: TemplateMap,
  globals: TemplateMap,
  merged: TemplateMap,
  context: ResolveContext,
): FunctionScope {
  const at = (key: string): At => ({
    file: context.file,
    path:
      key in globals && !(key in local)
        ? `Globals.Function.${key}`
        : `Resources.${logicalId}.Properties.${key}`,
  });
  const read = (key: string): unknown => {
    const value = resolveValue(merged[key], context, at(key).path);
    return value === NO_VALUE ? undefined : value;
  };
  return { logicalId, context, local, globals, merged, at, read };
}
