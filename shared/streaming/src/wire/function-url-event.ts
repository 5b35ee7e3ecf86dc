import type { LambdaFunctionURLEvent } from 'aws-lambda';

/** An HTTP request as a function URL front end receives it. */
export interface FunctionUrlRequest {
  method: string;
  /** Path as sent, without the query string (e.g. `/a%20b`). */
  rawPath: string;
  /** Query string as sent, without `?`. */
  rawQueryString?: string;
  /** Header name → values, as received (any case); repeated headers as arrays. */
  headers?: Record<string, string | string[] | undefined>;
  body?: Uint8Array;
  sourceIp?: string;
  /** Request id Lambda assigns to the invocation. */
  requestId: string;
  /** Host label before `.lambda-url.`; `apiId` and `domainPrefix` of the event. */
  urlId: string;
  domainName: string;
  accountId: string;
  /** Set for `AWS_IAM` URLs: who signed the request. */
  iam?: { accessKey: string; accountId: string; callerId: string; userArn: string; userId: string };
  time?: Date;
}

const TEXT_CONTENT =
  /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded)|[^;]*\+(json|xml))/i;

/**
 * Builds the payload format 2.0 event a function URL sends to its function (Lambda developer
 * guide, "Invoking Lambda function URLs"): lowercased headers with repeats comma-joined,
 * `cookies` split out of the `cookie` header, repeated query keys comma-joined, the body
 * base64-encoded unless it is text, and `authorizer.iam` only for `AWS_IAM` URLs.
 *
 * @param request - The HTTP request and the invocation's identity.
 * @returns The event, ready for `JSON.stringify`.
 * @example
 * ```ts
 * const event = createFunctionUrlEvent({
 *   method: 'GET', rawPath: '/', requestId: 'id', urlId: 'abc',
 *   domainName: 'abc.lambda-url.us-east-1.on.aws', accountId: '123456789012',
 * });
 * ```
 */
export function createFunctionUrlEvent(request: FunctionUrlRequest): LambdaFunctionURLEvent {
  const headers = normalizeHeaders(request.headers ?? {});
  const cookieHeader = headers.cookie;
  delete headers.cookie;
  const time = request.time ?? new Date();
  const event: LambdaFunctionURLEvent = {
    version: '2.0',
    routeKey: '$default',
    rawPath: request.rawPath,
    rawQueryString: request.rawQueryString ?? '',
    headers,
    requestContext: {
      accountId: request.iam ? request.accountId : 'anonymous',
      apiId: request.urlId,
      domainName: request.domainName,
      domainPrefix: request.urlId,
      http: {
        method: request.method.toUpperCase(),
        path: safeDecode(request.rawPath),
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: request.requestId,
      routeKey: '$default',
      stage: '$default',
      time: formatClf(time),
      timeEpoch: time.getTime(),
      ...(request.iam
        ? { authorizer: { iam: { ...request.iam, cognitoIdentity: null, principalOrgId: null } } }
        : {}),
    } as LambdaFunctionURLEvent['requestContext'],
    isBase64Encoded: false,
  };
  if (cookieHeader) event.cookies = cookieHeader.split(/;\s*/).filter(Boolean);
  const query = parseQuery(event.rawQueryString);
  if (query) event.queryStringParameters = query;
  Object.assign(event, encodeBody(request.body, headers['content-type']));
  return event;
}

function normalizeHeaders(
  raw: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    const joined = Array.isArray(value) ? value.join(',') : value;
    headers[key] = headers[key] === undefined ? joined : `${headers[key]},${joined}`;
  }
  return headers;
}

function parseQuery(rawQuery: string): Record<string, string> | undefined {
  if (!rawQuery) return undefined;
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    params[key] = params[key] === undefined ? value : `${params[key]},${value}`;
  }
  return params;
}

function encodeBody(body: Uint8Array | undefined, contentType: string | undefined) {
  if (!body || body.length === 0) return { isBase64Encoded: false };
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (contentType && TEXT_CONTENT.test(contentType)) {
    return { body: buffer.toString('utf8'), isBase64Encoded: false };
  }
  return { body: buffer.toString('base64'), isBase64Encoded: true };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `12/Mar/2020:19:03:58 +0000`, the format of `requestContext.time`. */
function formatClf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}`;
  const clock = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${day}:${clock} +0000`;
}
