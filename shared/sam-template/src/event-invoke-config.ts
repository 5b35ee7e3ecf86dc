/**
 * Asynchronous invocation settings: SAM's `EventInvokeConfig` property of a function and
 * CloudFormation's `AWS::Lambda::EventInvokeConfig` resource, read into one shape.
 * [SAM docs: EventInvokeConfiguration](https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-eventinvokeconfiguration.html)
 *
 * @module
 */
import { describeValue } from './describe.js';
import { TemplateError } from './errors.js';
import { resolveValue } from './intrinsics.js';
import { type At, child, readNumber, readOptionalMap } from './read.js';
import type { ResolveContext } from './scope.js';
import type { SamEventInvokeConfig } from './types.js';
import { isMap, NO_VALUE, type TemplateMap } from './values.js';

/** Lambda's bounds (PutFunctionEventInvokeConfig API reference). */
const EVENT_AGE_SECONDS = { min: 60, max: 21600 };
const RETRY_ATTEMPTS = { min: 0, max: 2 };

function readBounded(value: unknown, bounds: { min: number; max: number }, at: At) {
  if (value === undefined) return undefined;
  const number = readNumber(value, 0, at);
  if (Number.isInteger(number) && number >= bounds.min && number <= bounds.max) return number;
  throw new TemplateError(
    at.file,
    at.path,
    `must be an integer from ${bounds.min} to ${bounds.max}, got ${number}`,
  );
}

function readOnFailure(config: TemplateMap, at: At): string | undefined {
  const destinations = readOptionalMap(config.DestinationConfig, child(at, 'DestinationConfig'));
  const onFailure = destinations?.OnFailure;
  if (!isMap(onFailure)) return undefined;
  const destination = onFailure.Destination;
  if (destination === undefined) return typeof onFailure.Type === 'string' ? onFailure.Type : '';
  return typeof destination === 'string' ? destination : describeValue(destination);
}

/**
 * Reads a resolved `EventInvokeConfig` (or the `Properties` of an `AWS::Lambda::EventInvokeConfig`).
 *
 * @param value - The resolved mapping, or undefined.
 * @param at - File and property path.
 * @returns The settings, or undefined when there are none.
 * @throws {@link TemplateError} for values outside Lambda's bounds.
 * @example
 * ```ts
 * readEventInvokeConfig({ MaximumRetryAttempts: 0 }, at); // { maximumRetryAttempts: 0 }
 * ```
 */
export function readEventInvokeConfig(value: unknown, at: At): SamEventInvokeConfig | undefined {
  const config = readOptionalMap(value, at);
  if (config === undefined) return undefined;
  const age = readBounded(
    config.MaximumEventAgeInSeconds,
    EVENT_AGE_SECONDS,
    child(at, 'MaximumEventAgeInSeconds'),
  );
  const retries = readBounded(
    config.MaximumRetryAttempts,
    RETRY_ATTEMPTS,
    child(at, 'MaximumRetryAttempts'),
  );
  const onFailure = readOnFailure(config, at);
  return {
    ...(age === undefined ? {} : { maximumEventAgeInSeconds: age }),
    ...(retries === undefined ? {} : { maximumRetryAttempts: retries }),
    ...(onFailure === undefined ? {} : { onFailure }),
  };
}

/** The logical ID a `FunctionName` names: `!Ref Fn` or the literal logical ID. */
function targetOf(functionName: unknown): string | undefined {
  if (typeof functionName === 'string') return functionName;
  if (isMap(functionName) && typeof functionName.Ref === 'string') return functionName.Ref;
  return undefined;
}

/**
 * The `AWS::Lambda::EventInvokeConfig` resources of a template, by the logical ID of the function
 * each names (`FunctionName: !Ref Fn`, or the logical ID as a string).
 *
 * @param resources - The template's `Resources`.
 * @param context - Parameters, mappings and conditions of the template.
 * @returns Logical ID of the function → its settings.
 * @example
 * ```ts
 * eventInvokeConfigResources(document.Resources, context).get('Fn')?.maximumRetryAttempts;
 * ```
 */
export function eventInvokeConfigResources(
  resources: TemplateMap,
  context: ResolveContext,
): Map<string, SamEventInvokeConfig> {
  const configs = new Map<string, SamEventInvokeConfig>();
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isMap(resource) || resource.Type !== 'AWS::Lambda::EventInvokeConfig') continue;
    const path = `Resources.${logicalId}.Properties`;
    const properties = resolveValue(resource.Properties, context, path);
    if (properties === NO_VALUE || !isMap(properties)) continue;
    const target = targetOf(properties.FunctionName);
    const config = readEventInvokeConfig(properties, { file: context.file, path });
    if (target !== undefined && config !== undefined) configs.set(target, config);
  }
  return configs;
}
