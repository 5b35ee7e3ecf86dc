/**
 * The per-invocation data of the `context` object (RIC `src/InvokeContext.js`): values from
 * the function's environment and from the `/next` headers, and the X-Ray trace id forwarded to
 * `_X_AMZN_TRACE_ID`.
 */
import { strict as assert } from 'node:assert';
import { setCurrentRequestId, setCurrentTenantId } from '../log-patch.js';
import type { InvocationHeaders } from '../types.js';

const INVOKE_HEADER = {
  clientContext: 'lambda-runtime-client-context',
  cognitoIdentity: 'lambda-runtime-cognito-identity',
  arn: 'lambda-runtime-invoked-function-arn',
  awsRequestId: 'lambda-runtime-aws-request-id',
  deadlineMs: 'lambda-runtime-deadline-ms',
  xrayTrace: 'lambda-runtime-trace-id',
  tenantId: 'lambda-runtime-aws-tenant-id',
} as const;

/** What `attachEnvironmentData` adds to the context. */
export interface InvocationContextData {
  functionVersion: string | undefined;
  functionName: string | undefined;
  memoryLimitInMB: string | undefined;
  logGroupName: string | undefined;
  logStreamName: string | undefined;
  clientContext: unknown;
  identity: unknown;
  invokedFunctionArn: string | undefined;
  awsRequestId: string | undefined;
  tenantId: string | undefined;
  getRemainingTimeInMillis(): number;
}

/** One invocation's headers and what the context derives from them. */
export class InvokeContext {
  readonly headers: InvocationHeaders;

  /** @param headers - The `/next` headers (keys are lowercased again, as RIC does). */
  constructor(headers: InvocationHeaders) {
    this.headers = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
  }

  /** The request id; asserts that it is there. */
  get invokeId(): string {
    const id = this.headers[INVOKE_HEADER.awsRequestId];
    assert.ok(id, 'invocation id is missing or invalid');
    return String(id);
  }

  /** The tenant id, when the invocation has one. */
  get tenantId(): string | undefined {
    return this.#text(INVOKE_HEADER.tenantId);
  }

  /** Makes log lines carry this invocation's request id. */
  updateLoggingContext(): void {
    setCurrentRequestId(this.invokeId);
    setCurrentTenantId(this.tenantId);
  }

  /**
   * Assigns the environment and header data onto the given context object (keeping its own
   * members first, as the key order on Lambda shows). Throws when a JSON header is malformed.
   *
   * @param context - The callback or streaming context.
   * @returns The same object with the data added.
   */
  attachEnvironmentData<T extends object>(context: T): T & InvocationContextData {
    this.#forwardXRay();
    return Object.assign(context, environmentalData(), this.#headerData());
  }

  #headerData() {
    const deadline = this.headers[INVOKE_HEADER.deadlineMs];
    return {
      clientContext: parseJson(this.#text(INVOKE_HEADER.clientContext), 'ClientContext'),
      identity: parseJson(this.#text(INVOKE_HEADER.cognitoIdentity), 'CognitoIdentity'),
      invokedFunctionArn: this.#text(INVOKE_HEADER.arn),
      awsRequestId: this.#text(INVOKE_HEADER.awsRequestId),
      tenantId: this.#text(INVOKE_HEADER.tenantId),
      getRemainingTimeInMillis: (): number => Number(deadline) - Date.now(),
    };
  }

  #forwardXRay(): void {
    const traceId = this.headers[INVOKE_HEADER.xrayTrace];
    if (traceId) {
      process.env._X_AMZN_TRACE_ID = String(traceId);
    } else {
      delete process.env._X_AMZN_TRACE_ID;
    }
  }

  #text(name: string): string | undefined {
    const value = this.headers[name];
    return value === undefined ? undefined : String(value);
  }
}

function environmentalData() {
  return {
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
  };
}

function parseJson(json: string | undefined, name: string): unknown {
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new Error(`Cannot parse ${name} as json: ${String(error)}`);
  }
}
