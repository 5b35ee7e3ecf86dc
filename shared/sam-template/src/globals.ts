import { TemplateError } from './errors.js';
import { intrinsicName, isMap, type TemplateMap } from './values.js';

type Token = 'primitive' | 'map' | 'list';

/** Intrinsic functions count as primitives, because they resolve to one at deploy time. */
function tokenOf(value: unknown): Token {
  if (Array.isArray(value)) return 'list';
  return isMap(value) && intrinsicName(value) === undefined ? 'map' : 'primitive';
}

/**
 * Merges a `Globals` value into a resource value exactly as the SAM translator does
 * (`samtranslator/plugins/globals/globals.py` `_do_merge`): the local value wins for primitives,
 * intrinsics and type mismatches; mappings merge key by key, recursively; lists concatenate
 * (global items first).
 *
 * @param globalValue - The value from `Globals.Function`.
 * @param localValue - The value from the function's `Properties`.
 * @returns The merged value.
 * @example
 * ```ts
 * mergeGlobals(
 *   { Timeout: 10, Environment: { Variables: { A: '1', B: '1' } } },
 *   { Environment: { Variables: { B: '2' } } },
 * ); // { Timeout: 10, Environment: { Variables: { A: '1', B: '2' } } }
 * ```
 */
export function mergeGlobals(globalValue: unknown, localValue: unknown): unknown {
  const token = tokenOf(globalValue);
  if (token !== tokenOf(localValue) || token === 'primitive') return localValue;
  if (Array.isArray(globalValue) && Array.isArray(localValue))
    return [...globalValue, ...localValue];
  if (!isMap(globalValue) || !isMap(localValue)) return localValue; // unreachable; narrows types
  const merged: TemplateMap = { ...globalValue };
  for (const [key, value] of Object.entries(localValue)) {
    merged[key] = key in merged ? mergeGlobals(merged[key], value) : value;
  }
  return merged;
}

/**
 * Reads the `Globals.Function` section of a template.
 *
 * @param document - The parsed template.
 * @param file - Template path for error messages.
 * @returns The global function properties (empty when there are none).
 * @example
 * ```ts
 * globalFunctionProperties({ Globals: { Function: { Timeout: 10 } } }, 'template.yaml');
 * // { Timeout: 10 }
 * ```
 */
export function globalFunctionProperties(document: TemplateMap, file: string): TemplateMap {
  const globals = document.Globals;
  if (globals === undefined) return {};
  if (!isMap(globals)) throw new TemplateError(file, 'Globals', 'must be a mapping');
  const properties = globals.Function;
  if (properties === undefined) return {};
  if (!isMap(properties)) throw new TemplateError(file, 'Globals.Function', 'must be a mapping');
  return properties;
}
