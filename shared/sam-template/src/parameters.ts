import { TemplateError } from './errors.js';
import { isMap, type RefValue } from './values.js';

/** The resolved parameters: plain string values, and what a `Ref` to each yields. */
export interface ResolvedParameters {
  readonly values: Record<string, string>;
  readonly refs: Map<string, RefValue>;
}

function isListType(type: unknown): boolean {
  return typeof type === 'string' && (type === 'CommaDelimitedList' || type.startsWith('List<'));
}

function defaultText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.map(String).join(',') : String(value);
}

function checkValue(
  file: string,
  name: string,
  definition: Record<string, unknown>,
  value: string,
) {
  const path = `Parameters.${name}`;
  const allowed = definition.AllowedValues;
  if (Array.isArray(allowed) && !allowed.map(String).includes(value)) {
    const choices = allowed.map(String).join(', ');
    throw new TemplateError(
      file,
      path,
      `value "${value}" is not one of AllowedValues (${choices})`,
    );
  }
  if (definition.Type === 'Number' && (value.trim() === '' || Number.isNaN(Number(value)))) {
    throw new TemplateError(file, path, `value "${value}" is not a Number`);
  }
}

function resolveOne(file: string, name: string, definition: unknown, override?: string): string {
  if (!isMap(definition)) {
    throw new TemplateError(
      file,
      `Parameters.${name}`,
      'a parameter must be a mapping with a Type',
    );
  }
  const value = override ?? defaultText(definition.Default);
  if (value === undefined) {
    throw new TemplateError(
      file,
      `Parameters.${name}`,
      `has no Default and no value was given; pass it in parameterOverrides, e.g. { ${name}: '...' }`,
    );
  }
  checkValue(file, name, definition, value);
  return value;
}

/**
 * Gives each declared parameter its value (override first, then `Default`) and checks it against
 * `AllowedValues` and `Type: Number`. `CommaDelimitedList` and `List<...>` parameters `Ref` to a
 * list. A parameter without either value throws a {@link TemplateError}.
 *
 * @param section - The template's `Parameters` section (may be undefined).
 * @param overrides - Values that win over the defaults; unknown names are ignored.
 * @param file - Template path for error messages.
 * @returns Values and `Ref` results, by parameter name.
 * @example
 * ```ts
 * const { values } = resolveParameters({ Stage: { Type: 'String', Default: 'dev' } }, {}, 'template.yaml');
 * values.Stage; // 'dev'
 * ```
 */
export function resolveParameters(
  section: unknown,
  overrides: Readonly<Record<string, string>>,
  file: string,
): ResolvedParameters {
  const values: Record<string, string> = {};
  const refs = new Map<string, RefValue>();
  if (section === undefined || section === null) return { values, refs };
  if (!isMap(section)) throw new TemplateError(file, 'Parameters', 'must be a mapping');
  for (const [name, definition] of Object.entries(section)) {
    const value = resolveOne(file, name, definition, overrides[name]);
    values[name] = value;
    const type = isMap(definition) ? definition.Type : undefined;
    refs.set(name, isListType(type) ? value.split(',').map((item) => item.trim()) : value);
  }
  return { values, refs };
}
