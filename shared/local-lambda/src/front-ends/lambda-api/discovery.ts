import { sendJson } from '../../http/http-send.js';
import type { ApiCall, ApiContext } from './api-context.js';
import { resourceNotFound } from './api-error.js';
import { resolveFunction } from './function-name.js';
import {
  functionCodeLocation,
  functionConfiguration,
  functionUrlConfig,
} from './function-shapes.js';
import { paginate } from './pagination.js';

/**
 * `ListFunctions`: every served function, in the order given, paginated.
 *
 * @example
 * ```ts
 * listFunctions(call, context); // 200 { Functions: [...], NextMarker? }
 * ```
 */
export function listFunctions(call: ApiCall, context: ApiContext): void {
  const { page, nextMarker } = paginate(context.service.functions, call.query);
  const Functions = page.map((fn) => functionConfiguration(fn, context));
  reply(call, { Functions, ...(nextMarker ? { NextMarker: nextMarker } : {}) });
}

/**
 * `GetFunction`: configuration and code location.
 *
 * @example
 * ```ts
 * getFunction(call, context); // 200 { Configuration, Code }
 * ```
 */
export function getFunction(call: ApiCall, context: ApiContext): void {
  const { fn } = resolveFunction(call.functionName, call.query.get('Qualifier'), context);
  reply(call, {
    Configuration: functionConfiguration(fn, context),
    Code: functionCodeLocation(fn),
  });
}

/**
 * `GetFunctionConfiguration`.
 *
 * @example
 * ```ts
 * getFunctionConfiguration(call, context); // 200 { FunctionName, FunctionArn, ... }
 * ```
 */
export function getFunctionConfiguration(call: ApiCall, context: ApiContext): void {
  const { fn } = resolveFunction(call.functionName, call.query.get('Qualifier'), context);
  reply(call, functionConfiguration(fn, context));
}

/**
 * `GetFunctionUrlConfig`: 404 `ResourceNotFoundException` when the function has no URL.
 *
 * @example
 * ```ts
 * getFunctionUrlConfig(call, context); // 200 { FunctionUrl, AuthType, InvokeMode, ... }
 * ```
 */
export function getFunctionUrlConfig(call: ApiCall, context: ApiContext): void {
  const { fn } = resolveFunction(call.functionName, call.query.get('Qualifier'), context);
  const config = functionUrlConfig(fn, context);
  if (!config) throw resourceNotFound('The resource you requested does not exist.');
  reply(call, config);
}

/**
 * `ListFunctionUrlConfigs`: the function's URL, or an empty list.
 *
 * @example
 * ```ts
 * listFunctionUrlConfigs(call, context); // 200 { FunctionUrlConfigs: [...] }
 * ```
 */
export function listFunctionUrlConfigs(call: ApiCall, context: ApiContext): void {
  const { fn } = resolveFunction(call.functionName, null, context);
  const config = functionUrlConfig(fn, context);
  const { page, nextMarker } = paginate(config ? [config] : [], call.query);
  reply(call, { FunctionUrlConfigs: page, ...(nextMarker ? { NextMarker: nextMarker } : {}) });
}

function reply(call: ApiCall, body: unknown): void {
  sendJson(call.res, 200, body, { 'x-amzn-RequestId': call.requestId });
}
