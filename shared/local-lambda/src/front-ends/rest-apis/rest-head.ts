/**
 * Status and headers of a proxy response, from a buffered result or a streaming prelude:
 * `headers` and `multiValueHeaders` merged (for the same name only `multiValueHeaders` counts,
 * notes §1.4/§2.4), `cookies` (prelude only) each a `Set-Cookie`, and `Content-Type`
 * `application/json` when the function set none.
 */

import { MalformedProxyResponse, type RestExchange, type RestHead } from './rest-exchange.js';
import { setGatewayHeaders } from './rest-responses.js';

/** Framing belongs to the gateway, not to the function. */
const DROPPED = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readStatus(value: unknown, required: boolean): number {
  if ((value === undefined || value === null) && !required) return 200;
  const status = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599) {
    return status;
  }
  throw new MalformedProxyResponse(`invalid statusCode ${JSON.stringify(value)}`);
}

function put(headers: Map<string, string[]>, name: string, values: string[]): void {
  if (DROPPED.has(name.toLowerCase())) return;
  const existing = [...headers.keys()].find((key) => key.toLowerCase() === name.toLowerCase());
  if (existing !== undefined) headers.delete(existing);
  headers.set(name, values);
}

/**
 * @param value - A buffered result object or a decoded prelude.
 * @param statusRequired - Buffered results must carry `statusCode`; a prelude without one means 200 (UNCONFIRMED).
 * @returns The head.
 * @throws {@link MalformedProxyResponse} for a bad `statusCode` or header maps that are not objects.
 * @example
 * ```ts
 * headFromProxy({ statusCode: 200, headers: { a: '1' }, multiValueHeaders: { a: ['2', '3'] } }, true);
 * // { statusCode: 200, headers: Map { 'a' => ['2', '3'] } }
 * ```
 */
export function headFromProxy(value: Record<string, unknown>, statusRequired: boolean): RestHead {
  const headers = new Map<string, string[]>();
  const { headers: single, multiValueHeaders: multi, cookies } = value;
  if ((single != null && !isRecord(single)) || (multi != null && !isRecord(multi))) {
    throw new MalformedProxyResponse('headers and multiValueHeaders must be objects');
  }
  for (const [name, item] of Object.entries(single ?? {})) {
    if (item !== null && item !== undefined) put(headers, name, [String(item)]);
  }
  for (const [name, items] of Object.entries(multi ?? {})) {
    if (Array.isArray(items)) put(headers, name, items.map(String));
  }
  if (Array.isArray(cookies) && cookies.length > 0) {
    const setCookie = [...headers.keys()].find((key) => key.toLowerCase() === 'set-cookie');
    const before = setCookie === undefined ? [] : (headers.get(setCookie) ?? []);
    put(headers, 'Set-Cookie', [...before, ...cookies.map(String)]);
  }
  return { statusCode: readStatus(value.statusCode, statusRequired), headers };
}

/**
 * Sets the head on the response: the function's headers (ones Node refuses are dropped with a
 * warning), the default `Content-Type`, API Gateway's ids.
 *
 * @param exchange - The request being answered.
 * @param head - Status and headers.
 * @example
 * ```ts
 * setRestHead(exchange, head);
 * exchange.res.flushHeaders();
 * ```
 */
export function setRestHead(exchange: RestExchange, head: RestHead): void {
  const { res } = exchange;
  for (const [name, values] of head.headers) {
    try {
      res.setHeader(name, values.length === 1 ? (values[0] as string) : values);
    } catch (error) {
      exchange.logger.warn(
        `${exchange.api.name} (${exchange.ids.requestId}): header ${JSON.stringify(name)} dropped: ${(error as Error).message}`,
      );
    }
  }
  if (!res.hasHeader('content-type')) res.setHeader('Content-Type', 'application/json');
  setGatewayHeaders(res, exchange.ids);
  res.statusCode = head.statusCode;
}
