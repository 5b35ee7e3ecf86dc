import type { IncomingMessage } from 'node:http';
import { LOG_TAIL_BYTES } from '../../defaults.js';
import {
  FunctionNotFoundError,
  type InvocationHandle,
  type InvocationService,
  type InvokeRequest,
  TooManyRequestsError,
} from '../../invocations/contracts.js';
import {
  type ApiError,
  invalidParameterValue,
  invalidRequestContent,
  resourceNotFound,
  tooManyRequests,
} from './api-error.js';

/**
 * Reads `X-Amz-Invocation-Type` (default `RequestResponse`).
 *
 * @param req - The request.
 * @param allowed - The values the operation accepts.
 * @returns The invocation type.
 * @throws ApiError 400 `InvalidParameterValueException` for any other value.
 * @example
 * ```ts
 * readInvocationType(req, ['RequestResponse', 'DryRun'] as const);
 * ```
 */
export function readInvocationType<T extends string>(
  req: IncomingMessage,
  allowed: readonly T[],
): T {
  return readChoice(
    req,
    'x-amz-invocation-type',
    'InvocationType',
    allowed,
    'RequestResponse' as T,
  );
}

/**
 * Reads `X-Amz-Log-Type` (default `None`).
 *
 * @example
 * ```ts
 * if (readLogType(req) === 'Tail') headers['X-Amz-Log-Result'] = logTail(outcome.logs);
 * ```
 */
export function readLogType(req: IncomingMessage): 'None' | 'Tail' {
  return readChoice(req, 'x-amz-log-type', 'LogType', ['None', 'Tail'] as const, 'None');
}

function readChoice<T extends string>(
  req: IncomingMessage,
  header: string,
  member: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = req.headers[header];
  if (value === undefined) return fallback;
  const found = allowed.find((choice) => choice === value);
  if (found) return found;
  throw invalidParameterValue(
    `1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
  );
}

/**
 * Checks that the payload is JSON, as Lambda does before invoking. An empty payload becomes
 * `{}` (UNCONFIRMED: what the console and CLI show for an invocation without payload).
 *
 * @param body - The request body.
 * @returns The event bytes for the runtime.
 * @throws ApiError 400 `InvalidRequestContentException` when it is not JSON.
 * @example
 * ```ts
 * const payload = validatePayload(body);
 * ```
 */
export function validatePayload(body: Buffer): Buffer {
  if (body.length === 0) return Buffer.from('{}');
  try {
    JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw invalidRequestContent(
      `Could not parse request body into json: Could not parse payload into json: ${(error as Error).message}`,
    );
  }
  return body;
}

/**
 * Starts an invocation, turning the core's synchronous refusals into API errors.
 *
 * @param service - The core.
 * @param request - What to invoke.
 * @returns The running invocation.
 * @throws ApiError 429 `TooManyRequestsException` or 404 `ResourceNotFoundException`.
 * @example
 * ```ts
 * const handle = startInvocation(context.service, { functionName, payload, ... });
 * ```
 */
export function startInvocation(
  service: InvocationService,
  request: InvokeRequest,
): InvocationHandle {
  try {
    return service.invoke(request);
  } catch (error) {
    throw toApiError(error, request.invokedFunctionArn);
  }
}

function toApiError(error: unknown, arn: string): ApiError | unknown {
  if (error instanceof TooManyRequestsError) return tooManyRequests(error.message);
  if (error instanceof FunctionNotFoundError) return resourceNotFound(`Function not found: ${arn}`);
  return error;
}

/**
 * `X-Amz-Log-Result` / `LogResult`: the base64 of the last {@link LOG_TAIL_BYTES} of the
 * invocation's log.
 *
 * @param logs - The invocation's log text.
 * @returns Base64 of at most its last {@link LOG_TAIL_BYTES} bytes.
 * @example
 * ```ts
 * Buffer.from(logTail(outcome.logs), 'base64').toString(); // '…REPORT RequestId: …'
 * ```
 */
export function logTail(logs: string): string {
  const bytes = Buffer.from(logs, 'utf8');
  return bytes.subarray(Math.max(0, bytes.length - LOG_TAIL_BYTES)).toString('base64');
}
