import { readStatus } from './response-head.js';
import { InvalidFunctionResponse, type ResponseHead } from './url-exchange.js';

/** A buffered function result turned into an HTTP response. */
export interface MappedResult extends ResponseHead {
  body: Buffer;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * Maps a `BUFFERED` URL function's result to HTTP as the developer guide describes ("Invoking
 * Lambda function URLs", response payload format; spec §4.3): an object with `statusCode` is a
 * response (`headers`, `cookies` → `set-cookie`, `body`, `isBase64Encoded`); any other JSON is
 * a 200 `application/json` whose body is the JSON text, except that a JSON string is sent as
 * the string itself (the guide's `"Hello, world!"` example).
 *
 * @param bytes - The result bytes the runtime returned.
 * @returns Status, headers, cookies and body.
 * @throws {@link InvalidFunctionResponse} when the result is not JSON or its `statusCode` is
 *   invalid (UNCONFIRMED: Lambda is assumed to answer 502 then).
 * @example
 * ```ts
 * mapBufferedResult(Buffer.from('{"statusCode":201,"body":"made"}')).statusCode; // 201
 * ```
 */
export function mapBufferedResult(bytes: Buffer): MappedResult {
  const value = parse(bytes);
  if (typeof value === 'string') return plain(Buffer.from(value, 'utf8'));
  if (!isRecord(value) || !('statusCode' in value)) return plain(bytes);
  return {
    statusCode: readStatus(value.statusCode),
    headers: isRecord(value.headers) ? value.headers : {},
    cookies: Array.isArray(value.cookies) ? value.cookies.map(String) : [],
    body: readBody(value.body, value.isBase64Encoded === true),
  };
}

function readBody(body: unknown, base64: boolean): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return Buffer.from(text, base64 ? 'base64' : 'utf8');
}

function plain(body: Buffer): MappedResult {
  return { statusCode: 200, headers: { ...JSON_HEADERS }, cookies: [], body };
}

function parse(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new InvalidFunctionResponse('the function result is not JSON');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
