/**
 * Small type guards for the plain JavaScript values that a parsed template is made of.
 * @module
 */

/**
 * A parsed YAML mapping.
 *
 * @example
 * ```ts
 * const resources = document.Resources as TemplateMap;
 * ```
 */
export type TemplateMap = Record<string, unknown>;

/**
 * Tells whether a value is a plain mapping (not null, not a list).
 *
 * @param value - Any parsed template value.
 * @returns `true` for `{...}`.
 * @example
 * ```ts
 * isMap({ Ref: 'X' }); // true
 * isMap(['a']); // false
 * ```
 */
export function isMap(value: unknown): value is TemplateMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns the function name when a value is an intrinsic function call, using the SAM
 * translator's rule: a mapping with one key that is `Ref`, `Condition` or starts with `Fn::`.
 *
 * @param value - Any parsed template value.
 * @returns `'Ref'`, `'Fn::Sub'`, `'Condition'`, ... or `undefined`.
 * @example
 * ```ts
 * intrinsicName({ 'Fn::GetAtt': ['Table', 'Arn'] }); // 'Fn::GetAtt'
 * intrinsicName({ Variables: {} }); // undefined
 * ```
 */
export function intrinsicName(value: unknown): string | undefined {
  if (!isMap(value)) return undefined;
  const keys = Object.keys(value);
  const [key] = keys;
  if (keys.length !== 1 || key === undefined) return undefined;
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::') ? key : undefined;
}

/**
 * What `{ Ref: 'AWS::NoValue' }` resolves to: the resolver drops keys and list items holding it.
 *
 * @example
 * ```ts
 * resolveValue({ Ref: 'AWS::NoValue' }, context, 'Path') === NO_VALUE; // true
 * ```
 */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

/**
 * What a `Ref` to a parameter or pseudo parameter resolves to.
 *
 * @example
 * ```ts
 * const zones: RefValue = ['a', 'b']; // a CommaDelimitedList parameter
 * ```
 */
export type RefValue = string | readonly string[] | typeof NO_VALUE;
