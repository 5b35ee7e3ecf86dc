/**
 * The event a runtime receives from `/next` for an invocation (spec §2.2): the payload unchanged,
 * the deadline, the ARN as invoked, an X-Ray trace header and the decoded client context.
 */
import { randomBytes } from 'node:crypto';

/** What `/next` hands the runtime (spec §2.2). */
export interface RuntimeEvent {
  requestId: string;
  payload: Buffer;
  /** Unix epoch milliseconds. */
  deadlineMs: number;
  invokedFunctionArn: string;
  traceId?: string;
  /** Client context JSON, already decoded from the Invoke API's base64. */
  clientContext?: string;
  cognitoIdentity?: string;
  contentType?: string;
}

/** What an invocation's event is made of, as the caller gave it. */
export interface EventInput {
  /** Event bytes (JSON), handed to the runtime unchanged. */
  payload: Buffer;
  /** ARN as invoked, with the qualifier when one was given. */
  invokedFunctionArn: string;
  /** Base64 `X-Amz-Client-Context` as received. */
  clientContext?: string | undefined;
}

/**
 * Header values must be latin1 without line breaks; JSON whitespace may become a space.
 * UNCONFIRMED (spec §2.2): how RAPID passes a pretty-printed client context.
 */
function headerSafe(text: string): string {
  return Buffer.from(text.replace(/[\r\n]+/g, ' '), 'utf8').toString('latin1');
}

/** The `/next` answer's headers, each only when set (RIE `renderInvokeHeaders`). */
export function eventHeaders(event: RuntimeEvent): Record<string, string> {
  const headers: Record<string, string | undefined> = {
    'Lambda-Runtime-Aws-Request-Id': event.requestId,
    'Lambda-Runtime-Deadline-Ms': String(event.deadlineMs),
    'Lambda-Runtime-Invoked-Function-Arn': event.invokedFunctionArn,
    'Lambda-Runtime-Trace-Id': event.traceId,
    'Lambda-Runtime-Client-Context': event.clientContext && headerSafe(event.clientContext),
    'Lambda-Runtime-Cognito-Identity': event.cognitoIdentity && headerSafe(event.cognitoIdentity),
    'Content-Type': event.contentType || 'application/json',
    'Content-Length': String(event.payload.length),
  };
  return Object.fromEntries(Object.entries(headers).filter(([, v]) => v)) as Record<string, string>;
}

/**
 * A new X-Ray trace header, `Root=1-<epoch hex>-<24 hex>;Parent=<16 hex>;Sampled=0`.
 *
 * @example
 * ```ts
 * newTraceId(); // 'Root=1-674ae0c1-0123456789abcdef01234567;Parent=0123456789abcdef;Sampled=0'
 * ```
 */
export function newTraceId(now = Date.now()): string {
  const epoch = Math.floor(now / 1000)
    .toString(16)
    .padStart(8, '0');
  const root = `1-${epoch}-${randomBytes(12).toString('hex')}`;
  return `Root=${root};Parent=${randomBytes(8).toString('hex')};Sampled=0`;
}

/** The Invoke API's base64 `X-Amz-Client-Context`, decoded as RAPID hands it to the runtime. */
export function decodeClientContext(encoded: string | undefined): string | undefined {
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  return decoded === '' ? undefined : decoded;
}

/**
 * Builds the `/next` event of an invocation.
 *
 * @param request - The invocation as a front end asked for it (an `InvokeRequest`).
 * @param requestId - The invocation's request id.
 * @param deadlineMs - Unix epoch milliseconds at which the function times out.
 */
export function buildRuntimeEvent(
  request: EventInput,
  requestId: string,
  deadlineMs: number,
): RuntimeEvent {
  return {
    requestId,
    payload: request.payload,
    deadlineMs,
    invokedFunctionArn: request.invokedFunctionArn,
    traceId: newTraceId(),
    clientContext: decodeClientContext(request.clientContext),
    contentType: 'application/json',
  };
}
