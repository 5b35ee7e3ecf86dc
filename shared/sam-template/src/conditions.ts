import { TemplateError } from './errors.js';
import { intrinsicName, isMap, type TemplateMap } from './values.js';

/** Resolves a value inside a condition (e.g. a `Ref` argument of `Fn::Equals`). */
type ResolveAt = (value: unknown, path: string) => unknown;

interface Evaluation {
  readonly file: string;
  readonly definitions: TemplateMap;
  readonly resolve: ResolveAt;
  readonly results: Map<string, boolean>;
  readonly pending: Set<string>;
}

function operands(name: string, argument: unknown, path: string, state: Evaluation): unknown[] {
  if (Array.isArray(argument)) return argument;
  throw new TemplateError(state.file, path, `${name} takes a list`);
}

function equals(argument: unknown, path: string, state: Evaluation): boolean {
  const values = operands('Fn::Equals', argument, path, state).map((v) => state.resolve(v, path));
  if (values.length !== 2 || values.some((v) => typeof v === 'object' && v !== null)) {
    const detail =
      'Fn::Equals needs two values that resolve locally (parameters, mappings, literals)';
    throw new TemplateError(state.file, path, detail);
  }
  return String(values[0]) === String(values[1]);
}

function evaluate(expression: unknown, path: string, state: Evaluation): boolean {
  const name = intrinsicName(expression);
  const argument = name !== undefined && isMap(expression) ? expression[name] : undefined;
  const each = () =>
    operands(String(name), argument, path, state).map((item) => evaluate(item, path, state));
  switch (name) {
    case 'Condition':
      return evaluateNamed(String(argument), path, state);
    case 'Fn::Equals':
      return equals(argument, path, state);
    case 'Fn::Not':
      return !each()[0];
    case 'Fn::And':
      return each().every(Boolean);
    case 'Fn::Or':
      return each().some(Boolean);
    default:
      throw new TemplateError(
        state.file,
        path,
        'a condition must be Fn::Equals/And/Or/Not or Condition',
      );
  }
}

function evaluateNamed(name: string, referencedAt: string, state: Evaluation): boolean {
  const known = state.results.get(name);
  if (known !== undefined) return known;
  if (!(name in state.definitions)) {
    throw new TemplateError(
      state.file,
      referencedAt,
      `condition "${name}" is not defined in Conditions`,
    );
  }
  if (state.pending.has(name)) {
    throw new TemplateError(state.file, `Conditions.${name}`, 'the condition refers to itself');
  }
  state.pending.add(name);
  const result = evaluate(state.definitions[name], `Conditions.${name}`, state);
  state.pending.delete(name);
  state.results.set(name, result);
  return result;
}

/**
 * Creates an evaluator for the template's `Conditions`, evaluating each condition once, on first
 * use (`Fn::Equals`, `Fn::Not`, `Fn::And`, `Fn::Or`, `Condition`).
 * [AWS docs: condition functions](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html)
 *
 * @param section - The `Conditions` section (may be undefined).
 * @param file - Template path for error messages.
 * @param resolve - Resolves `Ref`s and other intrinsics inside `Fn::Equals`.
 * @returns `(name, referencedAt) => boolean`; unknown names and cycles throw a `TemplateError`.
 * @example
 * ```ts
 * const condition = createConditionEvaluator(
 *   { IsProd: { 'Fn::Equals': ['prod', 'prod'] } }, 'template.yaml', (value) => value,
 * );
 * condition('IsProd', 'Resources.Fn.Condition'); // true
 * ```
 */
export function createConditionEvaluator(
  section: unknown,
  file: string,
  resolve: ResolveAt,
): (name: string, referencedAt: string) => boolean {
  if (section !== undefined && section !== null && !isMap(section)) {
    throw new TemplateError(file, 'Conditions', 'must be a mapping');
  }
  const definitions = isMap(section) ? section : {};
  const state: Evaluation = { file, definitions, resolve, results: new Map(), pending: new Set() };
  return (name, referencedAt) => evaluateNamed(name, referencedAt, state);
}
