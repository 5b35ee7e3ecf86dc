import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { splitTarget } from '@lambda-streaming/streaming/protocol';
import { createFunctionUrlEvent } from '@lambda-streaming/streaming/wire';

export { newTraceId } from '../trace-header.js';

/** Who signed a request to an `AWS_IAM` URL. */
export interface UrlCaller {
  accessKey: string;
  accountId: string;
}

/** What the event needs besides the HTTP request. */
export interface UrlEventContext {
  functionArn: string;
  accountId: string;
  requestId: string;
  traceId: string;
  /** Set for `AWS_IAM` URLs. */
  caller?: UrlCaller;
}

/**
 * Builds the payload format 2.0 event of a function URL request with the shared
 * `createFunctionUrlEvent`, adding the headers Lambda's front end adds (`x-amzn-trace-id`,
 * `x-forwarded-for`, `-proto`, `-port`; spec §4.2) and, for `AWS_IAM`, the caller's identity.
 *
 * @param req - The request.
 * @param body - Its body.
 * @param context - Ids and caller.
 * @returns The event JSON bytes.
 * @example
 * ```ts
 * const payload = buildUrlEvent(req, body, { functionArn, accountId, requestId, traceId });
 * ```
 */
export function buildUrlEvent(
  req: IncomingMessage,
  body: Buffer,
  context: UrlEventContext,
): Buffer {
  const { rawPath, rawQuery } = splitTarget(req.url ?? '/');
  const sourceIp = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const headers = groupHeaders(req.rawHeaders);
  headers['x-amzn-trace-id'] = [context.traceId];
  headers['x-forwarded-for'] = [sourceIp];
  headers['x-forwarded-proto'] = ['http'];
  headers['x-forwarded-port'] = [String(req.socket.localPort ?? '')];
  const urlId = functionUrlId(context.functionArn);
  const event = createFunctionUrlEvent({
    method: req.method ?? 'GET',
    rawPath,
    rawQueryString: rawQuery,
    headers,
    body,
    sourceIp,
    requestId: context.requestId,
    urlId,
    domainName: req.headers.host ?? `${urlId}.lambda-url.local`,
    accountId: context.accountId,
    ...(context.caller ? { iam: iamIdentity(context.caller) } : {}),
  });
  return Buffer.from(JSON.stringify(event));
}

/**
 * A stable 32-character URL id for a function, in the alphabet of real ones
 * (`<url-id>.lambda-url.<region>.on.aws`).
 *
 * @example
 * ```ts
 * functionUrlId('arn:aws:lambda:us-east-1:123456789012:function:Fn').length; // 32
 * ```
 */
export function functionUrlId(functionArn: string): string {
  return createHash('sha256').update(functionArn).digest('hex').slice(0, 32);
}

function groupHeaders(rawHeaders: readonly string[]): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] ?? '').toLowerCase();
    const values = headers[name] ?? [];
    values.push(rawHeaders[index + 1] ?? '');
    headers[name] = values;
  }
  return headers;
}

/** The local caller: a fixed IAM user of the local account (UNCONFIRMED field values). */
function iamIdentity(caller: UrlCaller) {
  return {
    accessKey: caller.accessKey,
    accountId: caller.accountId,
    callerId: 'AIDALOCALLAMBDAUSER00',
    userArn: `arn:aws:iam::${caller.accountId}:user/local-lambda`,
    userId: 'AIDALOCALLAMBDAUSER00',
  };
}
