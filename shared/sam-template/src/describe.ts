import { intrinsicName, isMap } from './values.js';

const MAX_LENGTH = 80;

function shortTag(name: string): string {
  return `!${name.replace(/^Fn::/, '')}`;
}

function clip(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

function describeIntrinsic(name: string, argument: unknown): string {
  if (name === 'Fn::GetAtt' && Array.isArray(argument)) {
    return `!GetAtt ${argument.map((part) => String(part)).join('.')}`;
  }
  if (typeof argument === 'string') return `${shortTag(name)} ${argument}`;
  return clip(`${shortTag(name)} ${JSON.stringify(argument)}`);
}

/**
 * Renders a template value for an error or warning message: intrinsic functions in their short
 * YAML form (`!GetAtt Table.Arn`, `!Sub arn:${AWS::Partition}:...`), strings quoted, long values
 * clipped.
 *
 * @param value - Any parsed (long-form) template value.
 * @returns A short, human-readable description.
 * @example
 * ```ts
 * describeValue({ 'Fn::GetAtt': ['Table', 'Arn'] }); // '!GetAtt Table.Arn'
 * describeValue('abc'); // '"abc"'
 * describeValue(['a']); // 'a list'
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return clip(JSON.stringify(value));
  if (typeof value !== 'object') return `${typeof value} ${String(value)}`;
  const name = intrinsicName(value);
  if (name !== undefined && isMap(value)) return describeIntrinsic(name, value[name]);
  return Array.isArray(value) ? 'a list' : 'a map';
}
