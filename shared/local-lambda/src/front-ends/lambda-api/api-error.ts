import type { ServerResponse } from 'node:http';
import type { AuthFailure } from '@lambda-streaming/streaming/protocol';
import { sendJson } from '../../http/http-send.js';

/**
 * An error of the Lambda API in the shape the SDK's REST-JSON parser models (spec §3.5): status,
 * `x-amzn-ErrorType`, and a body whose message member is `Message` or `message` as the model
 * says for that error.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    readonly body: Record<string, string>,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.Message ?? body.message ?? errorType);
    this.name = errorType;
  }
}

/** 404 `ResourceNotFoundException` (`Message`). */
export function resourceNotFound(message: string): ApiError {
  return new ApiError(404, 'ResourceNotFoundException', { Type: 'User', Message: message });
}

/** 400 `InvalidParameterValueException` (`message`). */
export function invalidParameterValue(message: string): ApiError {
  return new ApiError(400, 'InvalidParameterValueException', { Type: 'User', message });
}

/** 400 `InvalidRequestContentException` (`message`). */
export function invalidRequestContent(message: string): ApiError {
  return new ApiError(400, 'InvalidRequestContentException', { Type: 'User', message });
}

/**
 * 413 `RequestTooLargeException` (`message`), with the text AWS uses, naming the limit that was
 * passed: 6 MiB for a synchronous payload, 1 MB for an `Event` one.
 */
export function requestTooLarge(limitBytes = 6291456, operation = 'InvokeFunction'): ApiError {
  const message = `Request must be smaller than ${limitBytes} bytes for the ${operation} operation`;
  return new ApiError(413, 'RequestTooLargeException', { Type: 'User', message });
}

/** 429 `TooManyRequestsException` with `Reason` and the `Retry-After` header. */
export function tooManyRequests(
  message: string,
  reason = 'ConcurrentInvocationLimitExceeded',
): ApiError {
  const body = { Type: 'User', message, Reason: reason };
  return new ApiError(429, 'TooManyRequestsException', body, { 'Retry-After': '1' });
}

/** 400 `ValidationException` (`message`): a member outside its modelled constraints. */
export function validationError(message: string): ApiError {
  return new ApiError(400, 'ValidationException', { message });
}

/** 404 for a route the emulator does not serve. */
export function unknownOperation(method: string, path: string): ApiError {
  const message = `Unknown operation: ${method} ${path} (local-lambda serves Invoke, InvokeWithResponseStream, ListFunctions, GetFunction, GetFunctionConfiguration, GetFunctionUrlConfig and ListFunctionUrlConfigs)`;
  return new ApiError(404, 'UnknownOperationException', { message });
}

/** 500 `ServiceException` (`Message`): a bug of the emulator, never of the function. */
export function serviceException(message: string): ApiError {
  return new ApiError(500, 'ServiceException', { Type: 'Service', Message: message });
}

/** 403 with the type and `message` AWS sends for an authentication failure (spec §6). */
export function authenticationError(failure: AuthFailure): ApiError {
  return new ApiError(403, failure.errorType, { message: failure.message });
}

/**
 * Sends an {@link ApiError} with `x-amzn-RequestId` and `x-amzn-ErrorType`.
 *
 * @param res - The response (left alone when it has started).
 * @param error - The error.
 * @param requestId - The request's id.
 * @example
 * ```ts
 * sendApiError(res, resourceNotFound('Function not found: arn:…'), requestId);
 * ```
 */
export function sendApiError(res: ServerResponse, error: ApiError, requestId: string): void {
  sendJson(res, error.status, error.body, {
    'x-amzn-RequestId': requestId,
    'x-amzn-ErrorType': error.errorType,
    ...error.headers,
  });
}
