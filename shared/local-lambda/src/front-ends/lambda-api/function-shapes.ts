import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { LocalFunction } from '../../functions/local-function.js';

/** What the shapes need besides the function. */
export interface ShapeContext {
  accountId: string;
  /** When the emulator loaded the function: its `LastModified`. */
  loadedAt: Date;
}

/**
 * The `FunctionConfiguration` of a local function, with the members the SDK schema
 * (`FunctionConfiguration$`) and boto3 read, for a `$LATEST` Zip function in state `Active`.
 *
 * @param fn - The function.
 * @param context - Account and load time.
 * @returns The JSON object.
 * @example
 * ```ts
 * sendJson(res, 200, functionConfiguration(fn, context));
 * ```
 */
export function functionConfiguration(fn: LocalFunction, context: ShapeContext) {
  const definition = fn.definition;
  const environment = Object.keys(definition.environment).length > 0;
  return {
    FunctionName: fn.name,
    FunctionArn: fn.arn,
    Runtime: definition.runtime,
    Role: `arn:aws:iam::${context.accountId}:role/${fn.name}Role`,
    Handler: definition.handler,
    CodeSize: 0,
    Description: definition.description ?? '',
    Timeout: definition.timeout,
    MemorySize: definition.memorySize,
    LastModified: context.loadedAt.toISOString().replace('Z', '+0000'),
    Version: '$LATEST',
    ...(environment ? { Environment: { Variables: { ...definition.environment } } } : {}),
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: revisionId(fn, context.loadedAt),
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: [...definition.architectures],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${fn.name}` },
  };
}

/**
 * The `Code` member of `GetFunction`: where the code is, as a `file://` URL of the bundle folder
 * (on AWS a presigned S3 URL).
 *
 * @param fn - The function.
 * @returns `{ RepositoryType, Location }`.
 * @example
 * ```ts
 * functionCodeLocation(fn).Location; // 'file:///…/dist/handler/'
 * ```
 */
export function functionCodeLocation(fn: LocalFunction) {
  const location = pathToFileURL(fn.definition.codeUri).href;
  return { RepositoryType: 'S3', Location: location.endsWith('/') ? location : `${location}/` };
}

/**
 * The `FunctionUrlConfig` shape (`GetFunctionUrlConfig`, `ListFunctionUrlConfigs`).
 *
 * @param fn - A function with a URL.
 * @param context - Account and load time.
 * @returns The JSON object, or `undefined` when the function has no URL.
 * @example
 * ```ts
 * functionUrlConfig(fn, context)?.FunctionUrl; // 'http://127.0.0.1:3001/'
 * ```
 */
export function functionUrlConfig(fn: LocalFunction, context: ShapeContext) {
  const url = fn.url;
  if (!url) return undefined;
  const time = context.loadedAt.toISOString();
  const cors = url.cors;
  return {
    FunctionUrl: url.url,
    FunctionArn: fn.arn,
    AuthType: url.authType,
    ...(cors
      ? {
          Cors: {
            AllowCredentials: cors.allowCredentials,
            AllowHeaders: [...cors.allowHeaders],
            AllowMethods: [...cors.allowMethods],
            AllowOrigins: [...cors.allowOrigins],
            ExposeHeaders: [...cors.exposeHeaders],
            MaxAge: cors.maxAge,
          },
        }
      : {}),
    CreationTime: time,
    LastModifiedTime: time,
    InvokeMode: url.invokeMode,
  };
}

function revisionId(fn: LocalFunction, loadedAt: Date): string {
  const hex = createHash('sha256').update(`${fn.arn}@${loadedAt.getTime()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
