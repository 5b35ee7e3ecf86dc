/**
 * The Lambda proxy integration's event, payload format 1.0 (research notes §2.1-§2.3), built
 * from one request to a REST API route.
 */
import type { IncomingMessage } from 'node:http';
import { isBinaryType } from './binary-types.js';
import type { LocalRestApi } from './local-rest-api.js';
import type { RestIds } from './rest-exchange.js';
import type { RouteMatch } from './rest-router.js';

/** Who signed a request to an `AWS_IAM` route. */
export interface RestCaller {
  accessKey: string;
  accountId: string;
}

/** The request as routed. */
export interface RoutedRequest {
  req: IncomingMessage;
  body: Buffer;
  api: LocalRestApi;
  stage: string;
  /** The path after the stage, as sent, e.g. `/report/42`. */
  path: string;
  rawQuery: string;
  match: RouteMatch;
  ids: RestIds;
  accountId: string;
  caller?: RestCaller;
  receivedAt: Date;
}

/** The local caller of IAM routes: a fixed IAM user of the local account (UNCONFIRMED values). */
const LOCAL_USER_ID = 'AIDALOCALLAMBDAUSER00';

function identity(request: RoutedRequest) {
  const { caller, req } = request;
  const sourceIp = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  return {
    accessKey: caller?.accessKey ?? null,
    accountId: caller?.accountId ?? null,
    caller: caller ? LOCAL_USER_ID : null,
    cognitoAuthenticationProvider: null,
    cognitoAuthenticationType: null,
    cognitoIdentityId: null,
    cognitoIdentityPoolId: null,
    principalOrgId: null,
    sourceIp,
    user: caller ? LOCAL_USER_ID : null,
    userAgent: req.headers['user-agent'] ?? null,
    userArn: caller ? `arn:aws:iam::${caller.accountId}:user/local-lambda` : null,
  };
}

/** Header name case as sent; the SigV4 `Authorization` is dropped; API Gateway's own added. */
function requestHeaders(request: RoutedRequest): Record<string, string[]> {
  const { rawHeaders } = request.req;
  const headers: Record<string, string[]> = {};
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index] ?? '';
    const value = rawHeaders[index + 1] ?? '';
    if (name.toLowerCase() === 'authorization' && value.startsWith('AWS4-HMAC-SHA256')) continue;
    headers[name] = [...(headers[name] ?? []), value];
  }
  headers['X-Amzn-Trace-Id'] = [request.ids.traceId];
  headers['X-Forwarded-For'] = [identity(request).sourceIp];
  headers['X-Forwarded-Port'] = [String(request.req.socket.localPort ?? '')];
  headers['X-Forwarded-Proto'] = ['http'];
  return headers;
}

function queryParameters(rawQuery: string): Record<string, string[]> | null {
  if (rawQuery === '') return null;
  const grouped: Record<string, string[]> = {};
  for (const [name, value] of new URLSearchParams(rawQuery)) {
    grouped[name] = [...(grouped[name] ?? []), value];
  }
  return grouped;
}

/** The single-value map: the last value wins (notes §2.2). */
function lastValues(multi: Record<string, string[]> | null): Record<string, string> | null {
  if (multi === null) return null;
  return Object.fromEntries(
    Object.entries(multi).map(([name, values]) => [name, values.at(-1) ?? '']),
  );
}

/** `20/Mar/2019:20:38:30 +0000`, the Common Log Format of `requestTime`. */
function clfTime(date: Date): string {
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${pad(date.getUTCDate())}/${month}/${date.getUTCFullYear()}`;
  return `${day}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

function requestBody(request: RoutedRequest): { body: string | null; isBase64Encoded: boolean } {
  if (request.body.length === 0) return { body: null, isBase64Encoded: false };
  const type = request.req.headers['content-type'];
  if (isBinaryType(type, request.api.definition.binaryMediaTypes)) {
    return { body: request.body.toString('base64'), isBase64Encoded: true };
  }
  return { body: request.body.toString('utf8'), isBase64Encoded: false };
}

/**
 * Builds the event of a routed request.
 *
 * @param request - The request, its route, ids and caller.
 * @returns The event JSON bytes.
 * @example
 * ```ts
 * const payload = buildRestEvent({ req, body, api, stage: 'prod', path: '/report/42', rawQuery: '',
 *   match, ids, accountId: '123456789012', receivedAt: new Date() });
 * ```
 */
export function buildRestEvent(request: RoutedRequest): Buffer {
  const { req, api, match, ids, stage } = request;
  const multiValueHeaders = requestHeaders(request);
  const multiValueQueryStringParameters = queryParameters(request.rawQuery);
  const method = req.method ?? 'GET';
  const host = req.headers.host ?? `${api.apiId}.execute-api.local`;
  const event = {
    resource: match.route.path,
    path: request.path,
    httpMethod: method,
    headers: lastValues(multiValueHeaders),
    multiValueHeaders,
    queryStringParameters: lastValues(multiValueQueryStringParameters),
    multiValueQueryStringParameters,
    pathParameters: match.pathParameters,
    stageVariables: null,
    requestContext: {
      accountId: request.accountId,
      apiId: api.apiId,
      domainName: host,
      domainPrefix: host.split('.')[0] ?? host,
      extendedRequestId: ids.extendedRequestId,
      httpMethod: method,
      identity: identity(request),
      path: `/${stage}${request.path}`,
      protocol: 'HTTP/1.1',
      requestId: ids.requestId,
      requestTime: clfTime(request.receivedAt),
      requestTimeEpoch: request.receivedAt.getTime(),
      resourceId: api.apiId.slice(0, 6),
      resourcePath: match.route.path,
      stage,
    },
    ...requestBody(request),
  };
  return Buffer.from(JSON.stringify(event));
}
