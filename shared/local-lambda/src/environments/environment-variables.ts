/**
 * The environment variables of an execution environment, as Lambda sets them for a Node.js
 * function, plus the function's own `Environment.Variables` (which cannot override reserved ones).
 *
 * Source: https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
 */
import { randomBytes } from 'node:crypto';
import { delimiter, dirname } from 'node:path';
import type { LocalFunction } from '../functions/local-function.js';

/** Credentials handed to functions (and checked by the front ends' SigV4). */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Names Lambda reserves: a function cannot set them. */
export const RESERVED_VARIABLES: ReadonlySet<string> = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
]);

/** What the environment needs to know besides the function. */
export interface EnvironmentContext {
  fn: LocalFunction;
  region: string;
  credentials: Credentials;
  /** `127.0.0.1:<port>` of the environment's Runtime API. */
  runtimeApi: string;
  runtimeDir: string;
  nodeBinary: string;
}

/**
 * Heap flags from MemorySize, as the managed Node.js bootstrap computes them: a tenth for the new
 * space (half of it per semi-space), the rest for the old space. UNCONFIRMED (spec §5): read from
 * the nodejs runtime images' `/var/runtime/bootstrap`, not from a published document.
 */
export function memoryFlags(memorySizeMb: number): string {
  const newSpace = Math.floor(memorySizeMb / 10);
  const oldSpace = memorySizeMb - newSpace;
  return `--max-old-space-size=${oldSpace} --max-semi-space-size=${Math.max(1, Math.floor(newSpace / 2))}`;
}

/** `2026/11/30/[$LATEST]<32 hex>`, the shape of a Lambda log stream name. */
export function logStreamName(now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
}

function platformVariables(context: EnvironmentContext): Record<string, string> {
  const { fn, region, credentials } = context;
  const variables: Record<string, string> = {
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.definition.memorySize),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.name}`,
    AWS_LAMBDA_LOG_STREAM_NAME: logStreamName(),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_RUNTIME_API: context.runtimeApi,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.definition.runtime}`,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    LAMBDA_TASK_ROOT: fn.definition.codeUri,
    LAMBDA_RUNTIME_DIR: context.runtimeDir,
    _HANDLER: fn.definition.handler,
  };
  if (credentials.sessionToken) variables.AWS_SESSION_TOKEN = credentials.sessionToken;
  return variables;
}

/**
 * Builds a runtime process's environment. Nothing of the host leaks in but `PATH` (with the
 * chosen Node.js first) and, on Windows, `SYSTEMROOT`.
 *
 * @returns The variables, and the function's variables that were ignored as reserved.
 * @example
 * ```ts
 * const { env, ignored } = buildEnvironment({ fn, region, credentials, runtimeApi, runtimeDir, nodeBinary });
 * ```
 */
export function buildEnvironment(context: EnvironmentContext): {
  env: Record<string, string>;
  ignored: string[];
} {
  const own = context.fn.definition.environment;
  const ignored = Object.keys(own).filter((name) => RESERVED_VARIABLES.has(name));
  const env: Record<string, string> = {
    PATH: [dirname(context.nodeBinary), process.env.PATH ?? ''].join(delimiter),
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    ...(process.env.SYSTEMROOT ? { SYSTEMROOT: process.env.SYSTEMROOT } : {}),
  };
  for (const [name, value] of Object.entries(own)) {
    if (!RESERVED_VARIABLES.has(name)) env[name] = value;
  }
  // The heap flags come first so that a NODE_OPTIONS of the function's own may override them.
  const heap = memoryFlags(context.fn.definition.memorySize);
  env.NODE_OPTIONS = own.NODE_OPTIONS ? `${heap} ${own.NODE_OPTIONS}` : heap;
  return { env: { ...env, ...platformVariables(context) }, ignored };
}
