import type { ServerResponse } from 'node:http';
import type { AuthFailure } from '@lambda-streaming/streaming/protocol';
import { sendBytes, sendJson } from '../../http/http-send.js';

/** The body real function URLs send when IAM auth fails (spec §4.1). */
export const FORBIDDEN_MESSAGE =
  'Forbidden. For troubleshooting Function URL authorization issues, see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html';

/**
 * 403 for a request to an `AWS_IAM` URL that fails SigV4: `AccessDeniedException` with
 * `Message` when it carries no signature; the signature error's type and `message` otherwise
 * (spec §4.1; the headers of the latter are UNCONFIRMED).
 *
 * @example
 * ```ts
 * if (!result.ok) return sendUrlAuthFailure(res, result.failure, requestId);
 * ```
 */
export function sendUrlAuthFailure(
  res: ServerResponse,
  failure: AuthFailure,
  requestId: string,
): void {
  const missing = failure.errorType === 'MissingAuthenticationTokenException';
  const body = missing ? { Message: FORBIDDEN_MESSAGE } : { message: failure.message };
  const errorType = missing ? 'AccessDeniedException' : failure.errorType;
  sendJson(res, 403, body, errorHeaders(errorType, requestId));
}

/**
 * 502 `Internal Server Error`: what a function URL answers when the function fails before its
 * response starts (spec §4.3, §4.4; the content type is UNCONFIRMED).
 *
 * @example
 * ```ts
 * sendBadGateway(res, requestId);
 * ```
 */
export function sendBadGateway(res: ServerResponse, requestId: string): void {
  sendBytes(res, 502, Buffer.from('Internal Server Error'), {
    'Content-Type': 'text/plain; charset=utf-8',
    'x-amzn-RequestId': requestId,
  });
}

/**
 * 413 for a request body over 6 MB (shape UNCONFIRMED: the Invoke API's text).
 *
 * @example
 * ```ts
 * sendPayloadTooLarge(res, requestId);
 * ```
 */
export function sendPayloadTooLarge(res: ServerResponse, requestId: string): void {
  res.setHeader('Connection', 'close');
  const Message = 'Request must be smaller than 6291456 bytes for the InvokeFunction operation';
  sendJson(res, 413, { Message }, errorHeaders('RequestTooLargeException', requestId));
}

/**
 * 429 when every execution environment is busy (body UNCONFIRMED).
 *
 * @example
 * ```ts
 * sendThrottled(res, requestId);
 * ```
 */
export function sendThrottled(res: ServerResponse, requestId: string): void {
  sendJson(
    res,
    429,
    { Message: 'Rate Exceeded.' },
    errorHeaders('TooManyRequestsException', requestId),
  );
}

function errorHeaders(errorType: string, requestId: string): Record<string, string> {
  return { 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': errorType };
}
