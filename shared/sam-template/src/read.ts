import { describeValue } from './describe.js';
import { TemplateError } from './errors.js';
import { intrinsicName, isMap, type TemplateMap } from './values.js';

/** Where a property sits: template file and property path. */
export interface At {
  readonly file: string;
  readonly path: string;
}

/**
 * Throws the "expected X, got Y" error, explaining when Y is an intrinsic that needs a stack.
 *
 * @param expected - What the property must be, e.g. `'a string'`.
 * @param value - What it is after local resolution.
 * @param at - File and property path.
 * @example
 * ```ts
 * fail('a string', { 'Fn::GetAtt': ['A', 'B'] }, at);
 * // TemplateError: template.yaml: Resources.Fn.Properties.Runtime: expected a string, got !GetAtt A.B, ...
 * ```
 */
export function fail(expected: string, value: unknown, at: At): never {
  const why = intrinsicName(value) === undefined ? '' : ', which cannot be resolved locally';
  throw new TemplateError(
    at.file,
    at.path,
    `expected ${expected}, got ${describeValue(value)}${why}`,
  );
}

/**
 * Reads a required string property.
 *
 * @param value - The resolved value.
 * @param at - File and property path.
 * @returns The string.
 * @example
 * ```ts
 * readString('nodejs24.x', at); // 'nodejs24.x'
 * ```
 */
export function readString(value: unknown, at: At): string {
  if (typeof value === 'string' && value !== '') return value;
  return fail(value === '' ? 'a non-empty string' : 'a string', value, at);
}

/**
 * Reads a number, accepting numeric strings (as parameters are).
 *
 * @param value - The resolved value, or undefined for the default.
 * @param fallback - Value to use when the property is absent.
 * @param at - File and property path.
 * @returns The number.
 * @example
 * ```ts
 * readNumber('30', 3, at); // 30
 * ```
 */
export function readNumber(value: unknown, fallback: number, at: At): number {
  if (value === undefined) return fallback;
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number === 'number' && Number.isFinite(number)) return number;
  return fail('a number', value, at);
}

/**
 * Reads a boolean, accepting `'true'` and `'false'`.
 *
 * @param value - The resolved value, or undefined for the default.
 * @param fallback - Value to use when the property is absent.
 * @param at - File and property path.
 * @returns The boolean.
 * @example
 * ```ts
 * readBoolean('true', false, at); // true
 * ```
 */
export function readBoolean(value: unknown, fallback: boolean, at: At): boolean {
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return fail('true or false', value, at);
}

/**
 * Reads a list of strings.
 *
 * @param value - The resolved value, or undefined for the default.
 * @param fallback - Value to use when the property is absent.
 * @param at - File and property path.
 * @returns The strings.
 * @example
 * ```ts
 * readStringList(['GET'], [], at); // ['GET']
 * ```
 */
export function readStringList(value: unknown, fallback: string[], at: At): string[] {
  if (value === undefined) return fallback;
  if (!Array.isArray(value)) return fail('a list of strings', value, at);
  return value.map((item, index) => readString(item, { ...at, path: `${at.path}[${index}]` }));
}

/**
 * Reads an optional mapping (not an intrinsic function call).
 *
 * @param value - The resolved value.
 * @param at - File and property path.
 * @returns The mapping, or undefined when absent.
 * @example
 * ```ts
 * readOptionalMap({ AuthType: 'NONE' }, at); // { AuthType: 'NONE' }
 * ```
 */
export function readOptionalMap(value: unknown, at: At): TemplateMap | undefined {
  if (value === undefined) return undefined;
  if (isMap(value) && intrinsicName(value) === undefined) return value;
  return fail('a mapping', value, at);
}

/**
 * Reads a string that must be one of a fixed set of values.
 *
 * @param value - The resolved value.
 * @param choices - The allowed values.
 * @param at - File and property path.
 * @returns The value, typed as one of `choices`.
 * @example
 * ```ts
 * readChoice('NONE', ['AWS_IAM', 'NONE'] as const, at); // 'NONE'
 * ```
 */
export function readChoice<T extends string>(value: unknown, choices: readonly T[], at: At): T {
  const found = choices.find((choice) => choice === value);
  return found ?? fail(`one of ${choices.join(', ')}`, value, at);
}

/**
 * Extends a location by one key.
 *
 * @param at - The parent location.
 * @param key - The property name.
 * @returns The child location.
 * @example
 * ```ts
 * child({ file: 't.yaml', path: 'Globals.Function' }, 'Timeout').path; // 'Globals.Function.Timeout'
 * ```
 */
export function child(at: At, key: string): At {
  return { file: at.file, path: `${at.path}.${key}` };
}
