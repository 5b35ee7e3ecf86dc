/**
 * The `context` object of aws-lambda-ric 4.x (`src/context/context-builder.ts`): one plain
 * object for buffered and streaming handlers, header data first, then the environment data. No
 * `callbackWaitsForEmptyEventLoop`, no `succeed/fail/done`, and an `xRayTraceId` key (empty when
 * the invocation has no trace header). Broken input is a `Runtime.PlatformError`, which ends the
 * process: the five function variables must be set, the deadline must be a number, the JSON
 * headers must parse.
 */
import type { InvocationHeaders } from '../types.js';
import { PlatformError } from './errors.js';

const REQUIRED_HEADERS = {
  functionArn: 'lambda-runtime-invoked-function-arn',
  requestId: 'lambda-runtime-aws-request-id',
  deadlineMs: 'lambda-runtime-deadline-ms',
} as const;

const OPTIONAL_HEADERS = {
  clientContext: 'lambda-runtime-client-context',
  cognitoIdentity: 'lambda-runtime-cognito-identity',
  xRayTraceId: 'lambda-runtime-trace-id',
  tenantId: 'lambda-runtime-aws-tenant-id',
} as const;

const REQUIRED_ENV_VARS = [
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
];

/** The context a 4.x handler receives, in 4.x's key order. */
export interface InvokeContext {
  clientContext: unknown;
  identity: unknown;
  invokedFunctionArn: string;
  awsRequestId: string;
  tenantId: string | undefined;
  xRayTraceId: string | undefined;
  getRemainingTimeInMillis(): number;
  functionName: string | undefined;
  functionVersion: string | undefined;
  memoryLimitInMB: string | undefined;
  logGroupName: string | undefined;
  logStreamName: string | undefined;
}

/**
 * Builds the context of one invocation and forwards its trace id to `_X_AMZN_TRACE_ID`.
 *
 * @param headers - The `/next` headers, as the native client hands them over.
 * @returns The context.
 * @throws `Runtime.PlatformError` for a broken environment or header.
 * @example
 * ```ts
 * const context = buildContext(next.headers);
 * Object.keys(context); // ['clientContext', 'identity', 'invokedFunctionArn', ...]
 * ```
 */
export function buildContext(headers: InvocationHeaders): InvokeContext {
  const missing = REQUIRED_ENV_VARS.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new PlatformError(`Missing required environment variables: ${missing.join(', ')}`);
  }
  const normalized = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const absent = Object.values(REQUIRED_HEADERS).filter((name) => !(name in normalized));
  if (absent.length > 0) {
    throw new PlatformError(`Missing required headers: ${absent.join(', ')}`);
  }
  const text = (name: string) => normalized[name] as string | undefined;
  const deadline = Number.parseInt(String(normalized[REQUIRED_HEADERS.deadlineMs]), 10);
  if (Number.isNaN(deadline)) throw new PlatformError('Invalid deadline timestamp');
  const context: InvokeContext = {
    clientContext: parseJsonHeader(
      text(OPTIONAL_HEADERS.clientContext),
      OPTIONAL_HEADERS.clientContext,
    ),
    identity: parseJsonHeader(
      text(OPTIONAL_HEADERS.cognitoIdentity),
      OPTIONAL_HEADERS.cognitoIdentity,
    ),
    invokedFunctionArn: text(REQUIRED_HEADERS.functionArn) as string,
    awsRequestId: text(REQUIRED_HEADERS.requestId) as string,
    tenantId: text(OPTIONAL_HEADERS.tenantId),
    xRayTraceId: text(OPTIONAL_HEADERS.xRayTraceId),
    getRemainingTimeInMillis: () => deadline - Date.now(),
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
  };
  moveXRayHeaderToEnv(context.xRayTraceId);
  return context;
}

function parseJsonHeader(value: string | undefined, name: string): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new PlatformError(`Failed to parse ${name} as JSON: ${(error as Error).message}`);
  }
}

function moveXRayHeaderToEnv(traceId: string | undefined): void {
  if (traceId) process.env._X_AMZN_TRACE_ID = traceId;
  else delete process.env._X_AMZN_TRACE_ID;
}
