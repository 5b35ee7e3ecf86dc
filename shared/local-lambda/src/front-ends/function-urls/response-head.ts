import type { HttpPrelude } from '@lambda-streaming/streaming/wire';
import { responseCorsHeaders } from './url-cors.js';
import { InvalidFunctionResponse, type ResponseHead, type UrlExchange } from './url-exchange.js';

/** Framing is the URL's business, not the function's. */
const DROPPED_HEADERS = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
]);

/**
 * Reads status, headers and cookies from an http-integration prelude (spec §4.4). A prelude
 * without `statusCode` means 200 (UNCONFIRMED).
 *
 * @param prelude - The decoded prelude.
 * @returns The head to send.
 * @throws {@link InvalidFunctionResponse} for a status code HTTP cannot carry.
 * @example
 * ```ts
 * writeHead(exchange, headFromPrelude({ statusCode: 201, cookies: ['a=1'] }));
 * ```
 */
export function headFromPrelude(prelude: HttpPrelude): ResponseHead {
  return {
    statusCode: readStatus(prelude.statusCode),
    headers: isRecord(prelude.headers) ? prelude.headers : {},
    cookies: Array.isArray(prelude.cookies) ? prelude.cookies.map(String) : [],
  };
}

/**
 * @param value - A `statusCode` as the function gave it.
 * @returns It as an HTTP status; 200 when absent.
 * @throws {@link InvalidFunctionResponse} when it is not an integer from 100 to 599.
 * @example
 * ```ts
 * readStatus('404'); // 404
 * ```
 */
export function readStatus(value: unknown): number {
  if (value === undefined || value === null) return 200;
  const status = typeof value === 'string' ? Number(value) : value;
  if (typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599) {
    return status;
  }
  throw new InvalidFunctionResponse(`Invalid statusCode ${JSON.stringify(value)}`);
}

/**
 * Sets the response head: the function's headers (framing headers dropped, CORS headers replaced
 * by the URL's when it has a CORS configuration), one `set-cookie` per cookie, and the headers
 * Lambda adds (`x-amzn-RequestId`, `X-Amzn-Trace-Id`; `Date` comes from Node; UNCONFIRMED list,
 * spec §10 item 5). Headers Node refuses are skipped with a warning.
 *
 * @param exchange - The request being answered.
 * @param head - Status, headers, cookies.
 * @example
 * ```ts
 * setHead(exchange, { statusCode: 200, headers: { 'content-type': 'text/plain' }, cookies: [] });
 * exchange.res.flushHeaders();
 * ```
 */
export function setHead(exchange: UrlExchange, head: ResponseHead): void {
  const { res } = exchange;
  const cors = responseCorsHeaders(exchange.req.headers.origin, exchange.fn.url?.cors);
  for (const [name, value] of Object.entries(head.headers)) {
    const lower = name.toLowerCase();
    if (value === undefined || value === null || DROPPED_HEADERS.has(lower)) continue;
    if (cors.replaceFunctionCors && lower.startsWith('access-control-')) continue;
    trySetHeader(exchange, name, Array.isArray(value) ? value.map(String) : String(value));
  }
  if (head.cookies.length > 0) {
    const existing = res.getHeader('set-cookie');
    const before =
      existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
    trySetHeader(exchange, 'set-cookie', [...before, ...head.cookies]);
  }
  for (const [name, value] of Object.entries(cors.headers)) res.setHeader(name, value);
  res.setHeader('x-amzn-RequestId', exchange.requestId);
  res.setHeader('X-Amzn-Trace-Id', exchange.traceId);
  res.statusCode = head.statusCode;
}

function trySetHeader(exchange: UrlExchange, name: string, value: string | string[]): void {
  try {
    exchange.res.setHeader(name, value);
  } catch (error) {
    exchange.logger.warn(
      `${exchange.fn.name} (${exchange.requestId}): header ${JSON.stringify(name)} dropped: ${(error as Error).message}`,
    );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
