/**
 * API Gateway's own responses (gateway responses) and the headers it adds to every response.
 * Bodies and `x-amzn-ErrorType` values follow the research notes (§3.1, §3.2); those marked
 * UNCONFIRMED there are listed in docs/fidelity.md.
 */
import type { ServerResponse } from 'node:http';
import type { AuthFailure } from '@lambda-streaming/streaming/protocol';
import { sendBytes } from '../../http/http-send.js';
import type { RestIds } from './rest-exchange.js';

/**
 * Sets `x-amzn-RequestId`, `x-amz-apigw-id` and `X-Amzn-Trace-Id` (a Regional endpoint: no
 * CloudFront headers).
 *
 * @example
 * ```ts
 * setGatewayHeaders(res, ids);
 * ```
 */
export function setGatewayHeaders(res: ServerResponse, ids: RestIds): void {
  res.setHeader('x-amzn-RequestId', ids.requestId);
  res.setHeader('x-amz-apigw-id', ids.extendedRequestId);
  res.setHeader('X-Amzn-Trace-Id', `${ids.traceId};Sampled=0`);
}

/**
 * Sends a gateway response: a JSON `{"message": ...}` body, with `x-amzn-ErrorType`.
 *
 * @param res - The response (nothing is sent once it started).
 * @param ids - The request's ids.
 * @param error - Status, error type, message and optional extra headers.
 * @example
 * ```ts
 * sendGatewayError(res, ids, MISSING_TOKEN);
 * ```
 */
export function sendGatewayError(res: ServerResponse, ids: RestIds, error: GatewayError): void {
  if (res.headersSent || res.destroyed) return;
  setGatewayHeaders(res, ids);
  // API Gateway's 502/504 bodies have a space after the colon (the Lambda guide's text).
  const body = error.spaced
    ? `{"message": ${JSON.stringify(error.message)}}`
    : JSON.stringify({ message: error.message });
  sendBytes(res, error.status, Buffer.from(body), {
    'Content-Type': 'application/json',
    'x-amzn-ErrorType': error.errorType,
    ...error.headers,
  });
}

/** A gateway response. */
export interface GatewayError {
  status: number;
  errorType: string;
  message: string;
  spaced?: boolean;
  headers?: Record<string, string>;
}

/** No route (unknown stage, path or method): `MISSING_AUTHENTICATION_TOKEN`. */
export const MISSING_TOKEN: GatewayError = {
  status: 403,
  errorType: 'MissingAuthenticationTokenException',
  message: 'Missing Authentication Token',
};

/** The function failed or answered in the wrong format (errorType UNCONFIRMED). */
export const BAD_GATEWAY: GatewayError = {
  status: 502,
  errorType: 'InternalServerErrorException',
  message: 'Internal server error',
  spaced: true,
};

/** Lambda refused the invocation (throttled, payload too large): 500, same body. */
export const INVOKE_REFUSED: GatewayError = { ...BAD_GATEWAY, status: 500 };

/** The integration timeout passed before the response started (errorType UNCONFIRMED). */
export const TIMED_OUT: GatewayError = {
  status: 504,
  errorType: 'InternalServerErrorException',
  message: 'Endpoint request timed out',
  spaced: true,
};

/** A request body over API Gateway's 10 MB payload limit (`REQUEST_TOO_LARGE`; body UNCONFIRMED). */
export const TOO_LARGE: GatewayError = {
  status: 413,
  errorType: 'RequestTooLargeException',
  message: 'Request Too Long',
};

/**
 * A route behind an authorizer the emulator does not run: 500, as
 * `AUTHORIZER_CONFIGURATION_ERROR`, never open. The local-only header names the reason.
 *
 * @param reason - e.g. `Cognito authorizer MyPool`.
 * @returns The gateway response.
 * @example
 * ```ts
 * sendGatewayError(res, ids, authorizerNotEmulated('Lambda authorizer Tokens'));
 * ```
 */
export function authorizerNotEmulated(reason: string): GatewayError {
  return {
    status: 500,
    errorType: 'AuthorizerConfigurationException',
    message: 'Internal server error',
    spaced: true,
    headers: { 'x-local-lambda-reason': `${reason} is not emulated` },
  };
}

/**
 * The 403 for a request to an `AWS_IAM` route that fails SigV4: unsigned → Missing
 * Authentication Token; an unknown access key → `AccessDeniedException` (per the Knowledge
 * Center table, UNCONFIRMED); otherwise the verifier's error type and AWS's message.
 *
 * @param failure - Why the verifier refused the request.
 * @returns The gateway response.
 * @example
 * ```ts
 * if (!result.ok) sendGatewayError(res, ids, iamFailure(result.failure));
 * ```
 */
export function iamFailure(failure: AuthFailure): GatewayError {
  if (failure.errorType === 'MissingAuthenticationTokenException') return MISSING_TOKEN;
  const errorType =
    failure.errorType === 'UnrecognizedClientException'
      ? 'AccessDeniedException'
      : failure.errorType;
  return { status: 403, errorType, message: failure.message };
}
