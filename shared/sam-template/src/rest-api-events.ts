import { TemplateError } from './errors.js';
import { resolveValue } from './intrinsics.js';
import { type At, child, fail, readNumber, readOptionalMap, readString } from './read.js';
import type { ResolveContext } from './scope.js';
import { intrinsicName, isMap, type TemplateMap } from './values.js';

/** SAM's logical ID of the API it creates from `Api` events without `RestApiId`. */
export const IMPLICIT_API_ID = 'ServerlessRestApi';

/** API Gateway's integration timeout when none is set, and the streaming maximum (15 min). */
export const DEFAULT_TIMEOUT_MILLIS = 29000;
const MAX_TIMEOUT_MILLIS = 900000;

/** One `Api` event of a served function, its properties resolved. */
export interface ApiEvent {
  readonly functionName: string;
  /** Logical ID of the API it belongs to (`ServerlessRestApi` without `RestApiId`). */
  readonly apiId: string;
  readonly path: string;
  readonly method: string;
  /** The raw `ResponseTransferMode`, if set. */
  readonly transferMode?: string;
  readonly timeoutInMillis: number;
  /** The event's `Auth`, resolved. */
  readonly auth?: TemplateMap;
  readonly at: At;
}

function readApiId(value: unknown, at: At): string {
  if (value === undefined) return IMPLICIT_API_ID;
  if (typeof value === 'string') return value;
  if (intrinsicName(value) === 'Ref' && isMap(value) && typeof value.Ref === 'string') {
    return value.Ref;
  }
  return fail('a Ref to an AWS::Serverless::Api', value, at);
}

function readTimeout(value: unknown, at: At): number {
  const millis = readNumber(value, DEFAULT_TIMEOUT_MILLIS, at);
  if (Number.isInteger(millis) && millis >= 50 && millis <= MAX_TIMEOUT_MILLIS) return millis;
  throw new TemplateError(
    at.file,
    at.path,
    `must be 50 to ${MAX_TIMEOUT_MILLIS} ms, got ${millis}`,
  );
}

function readEvent(functionName: string, properties: TemplateMap, at: At): ApiEvent {
  const path = readString(properties.Path, child(at, 'Path'));
  if (!path.startsWith('/'))
    throw new TemplateError(at.file, `${at.path}.Path`, 'must start with /');
  const method = readString(properties.Method, child(at, 'Method')).toUpperCase();
  const transfer = properties.ResponseTransferMode;
  const auth = readOptionalMap(properties.Auth, child(at, 'Auth'));
  return {
    functionName,
    apiId: readApiId(properties.RestApiId, child(at, 'RestApiId')),
    path,
    method,
    ...(transfer === undefined
      ? {}
      : { transferMode: readString(transfer, child(at, 'ResponseTransferMode')) }),
    timeoutInMillis: readTimeout(properties.TimeoutInMillis, child(at, 'TimeoutInMillis')),
    ...(auth === undefined ? {} : { auth }),
    at,
  };
}

/**
 * Every `Api` event of the served functions, in template order.
 *
 * @param resources - The template's `Resources`.
 * @param served - Logical IDs of the functions that deploy (their `Condition` is true).
 * @param context - The template's resolve context.
 * @returns The events.
 * @throws TemplateError naming the property of an event that cannot be read.
 * @example
 * ```ts
 * readApiEvents(document.Resources, new Set(['ReportFn']), context);
 * // [{ functionName: 'ReportFn', apiId: 'ReportApi', path: '/report', method: 'GET', ... }]
 * ```
 */
export function readApiEvents(
  resources: TemplateMap,
  served: ReadonlySet<string>,
  context: ResolveContext,
): ApiEvent[] {
  const events: ApiEvent[] = [];
  for (const functionName of served) {
    const resource = resources[functionName];
    const properties = isMap(resource) && isMap(resource.Properties) ? resource.Properties : {};
    const path = `Resources.${functionName}.Properties.Events`;
    const all = resolveValue(properties.Events, context, path);
    if (!isMap(all)) continue;
    for (const [name, event] of Object.entries(all)) {
      if (!isMap(event) || event.Type !== 'Api') continue;
      const at = { file: context.file, path: `${path}.${name}.Properties` };
      events.push(readEvent(functionName, readOptionalMap(event.Properties, at) ?? {}, at));
    }
  }
  return events;
}
