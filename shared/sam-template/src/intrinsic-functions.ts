import type { IntrinsicResolver, Scope } from './scope.js';
import { resolveSub } from './sub.js';
import { intrinsicName, isMap } from './values.js';

const isUnresolved = (value: unknown) => intrinsicName(value) !== undefined;

function pair(name: string, argument: unknown, scope: Scope): [unknown, unknown] {
  if (!Array.isArray(argument) || argument.length !== 2) scope.fail(`${name} takes a list of two`);
  return [scope.resolve(argument[0]), scope.resolve(argument[1])];
}

const ref: IntrinsicResolver = (argument, scope) => {
  if (typeof argument !== 'string')
    return scope.fail('Ref takes the name of a parameter or resource');
  const value = scope.context.refs.get(argument);
  // Not a parameter: a resource (also SAM-generated ones such as `FnRole`), left for CloudFormation.
  if (value === undefined) return { Ref: argument };
  return Array.isArray(value) ? [...value] : value;
};

const join: IntrinsicResolver = (argument, scope) => {
  const [delimiter, list] = pair('Fn::Join', argument, scope);
  if (typeof delimiter !== 'string') return scope.fail('Fn::Join: the delimiter must be a string');
  if (!Array.isArray(list) || list.some((item) => isMap(item) || Array.isArray(item))) {
    return { 'Fn::Join': [delimiter, list] };
  }
  return list.map(String).join(delimiter);
};

const select: IntrinsicResolver = (argument, scope) => {
  const [index, list] = pair('Fn::Select', argument, scope);
  if (isUnresolved(index) || !Array.isArray(list)) return { 'Fn::Select': [index, list] };
  const position = Number(index);
  if (!Number.isInteger(position) || position < 0 || position >= list.length) {
    return scope.fail(`Fn::Select: index ${String(index)} is outside a list of ${list.length}`);
  }
  return list[position];
};

const split: IntrinsicResolver = (argument, scope) => {
  const [delimiter, source] = pair('Fn::Split', argument, scope);
  if (typeof delimiter !== 'string') return scope.fail('Fn::Split: the delimiter must be a string');
  return typeof source === 'string'
    ? source.split(delimiter)
    : { 'Fn::Split': [delimiter, source] };
};

const ifFunction: IntrinsicResolver = (argument, scope) => {
  if (!Array.isArray(argument) || argument.length !== 3 || typeof argument[0] !== 'string') {
    return scope.fail('Fn::If takes [ConditionName, valueIfTrue, valueIfFalse]');
  }
  const chosen = scope.context.condition(argument[0], scope.path) ? argument[1] : argument[2];
  return scope.resolve(chosen);
};

function mapLookup(keys: readonly string[], scope: Scope): unknown {
  const [mapName = '', topKey = '', secondKey = ''] = keys;
  const map = scope.context.mappings[mapName];
  if (!isMap(map)) return undefined;
  const top = map[topKey];
  return isMap(top) ? top[secondKey] : undefined;
}

const findInMap: IntrinsicResolver = (argument, scope) => {
  if (!Array.isArray(argument) || argument.length < 3 || argument.length > 4) {
    return scope.fail('Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]');
  }
  const keys = argument.slice(0, 3).map((key) => scope.resolve(key));
  if (!keys.every((key) => typeof key === 'string')) return { 'Fn::FindInMap': argument };
  const found = mapLookup(keys, scope);
  if (found !== undefined) return scope.resolve(found);
  const fallback = argument[3];
  if (isMap(fallback) && 'DefaultValue' in fallback) return scope.resolve(fallback.DefaultValue);
  return scope.fail(`Fn::FindInMap: Mappings.${keys.join('.')} does not exist`);
};

const base64: IntrinsicResolver = (argument, scope) => {
  const value = scope.resolve(argument);
  return typeof value === 'string'
    ? Buffer.from(value, 'utf8').toString('base64')
    : { 'Fn::Base64': value };
};

/**
 * The intrinsic functions that can be evaluated without a deployed stack. Functions missing here
 * (`Fn::GetAtt`, `Fn::ImportValue`, `Fn::GetAZs`, `Fn::Cidr`, `Fn::Transform`) stay unresolved.
 *
 * @example
 * ```ts
 * const resolve = LOCAL_INTRINSICS['Fn::Join'];
 * resolve?.(['-', ['a', 'b']], scope); // 'a-b'
 * ```
 */
export const LOCAL_INTRINSICS: Readonly<Record<string, IntrinsicResolver>> = {
  Ref: ref,
  'Fn::Sub': resolveSub,
  'Fn::Join': join,
  'Fn::Select': select,
  'Fn::Split': split,
  'Fn::If': ifFunction,
  'Fn::FindInMap': findInMap,
  'Fn::Base64': base64,
};
