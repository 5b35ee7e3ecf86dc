import {
  type At,
  child,
  readBoolean,
  readChoice,
  readNumber,
  readOptionalMap,
  readStringList,
} from './read.js';
import type { SamCors, SamFunctionUrl } from './types.js';

const AUTH_TYPES = ['AWS_IAM', 'NONE'] as const;
const INVOKE_MODES = ['BUFFERED', 'RESPONSE_STREAM'] as const;

function readCors(value: unknown, at: At): SamCors | undefined {
  const cors = readOptionalMap(value, at);
  if (cors === undefined) return undefined;
  return {
    allowCredentials: readBoolean(cors.AllowCredentials, false, child(at, 'AllowCredentials')),
    allowHeaders: readStringList(cors.AllowHeaders, [], child(at, 'AllowHeaders')),
    allowMethods: readStringList(cors.AllowMethods, [], child(at, 'AllowMethods')),
    allowOrigins: readStringList(cors.AllowOrigins, [], child(at, 'AllowOrigins')),
    exposeHeaders: readStringList(cors.ExposeHeaders, [], child(at, 'ExposeHeaders')),
    maxAge: readNumber(cors.MaxAge, 0, child(at, 'MaxAge')),
  };
}

/**
 * Reads a resolved `FunctionUrlConfig`: `AuthType` is required, `InvokeMode` defaults to
 * `BUFFERED` as in Lambda, `Cors` is optional.
 * [SAM docs: FunctionUrlConfig](https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-functionurlconfig.html)
 *
 * @param value - The resolved `FunctionUrlConfig` value, or undefined.
 * @param at - File and property path.
 * @returns The function URL settings, or undefined when the function has no URL.
 * @example
 * ```ts
 * readFunctionUrl({ AuthType: 'AWS_IAM', InvokeMode: 'RESPONSE_STREAM' }, at);
 * // { authType: 'AWS_IAM', invokeMode: 'RESPONSE_STREAM' }
 * ```
 */
export function readFunctionUrl(value: unknown, at: At): SamFunctionUrl | undefined {
  const config = readOptionalMap(value, at);
  if (config === undefined) return undefined;
  const authType = readChoice(config.AuthType, AUTH_TYPES, child(at, 'AuthType'));
  const invokeMode =
    config.InvokeMode === undefined
      ? 'BUFFERED'
      : readChoice(config.InvokeMode, INVOKE_MODES, child(at, 'InvokeMode'));
  const cors = readCors(config.Cors, child(at, 'Cors'));
  return cors === undefined ? { authType, invokeMode } : { authType, invokeMode, cors };
}
