/**
 * A buffered Lambda proxy result (payload format 1.0) turned into an HTTP response (notes §2.4):
 * `statusCode` required, `headers`/`multiValueHeaders`, `body` a string, `isBase64Encoded`
 * decoded when the client's first `Accept` type or the response's `Content-Type` is one of the
 * API's binary media types (which one API Gateway uses is UNCONFIRMED). A streamified handler
 * behind a BUFFERED route: status and headers of its prelude, an empty body (a field report,
 * UNCONFIRMED).
 */
import { decodeHttpPrelude, HTTP_INTEGRATION_CONTENT_TYPE } from '@lambda-streaming/streaming/wire';
import { isBinaryType } from './binary-types.js';
import { MalformedProxyResponse, type RestHead } from './rest-exchange.js';
import { headFromProxy } from './rest-head.js';

/** A mapped result. */
export interface RestResult {
  head: RestHead;
  body: Buffer;
}

/** What mapping a result needs besides its bytes. */
export interface ResultContext {
  /** The content type the runtime gave its response. */
  contentType: string | undefined;
  /** The request's `Accept` header. */
  accept: string | undefined;
  binaryMediaTypes: readonly string[];
}

function headerValue(head: RestHead, name: string): string | undefined {
  for (const [key, values] of head.headers) if (key.toLowerCase() === name) return values[0];
  return undefined;
}

function fromPrelude(bytes: Buffer): RestResult {
  const decoded = decodeHttpPrelude(bytes);
  if (!decoded)
    throw new MalformedProxyResponse('a streaming response without its prelude delimiter');
  return { head: headFromProxy(decoded.prelude, false), body: Buffer.alloc(0) };
}

/**
 * @param bytes - The result bytes the runtime returned.
 * @param context - Content type, `Accept`, binary media types.
 * @returns Head and body.
 * @throws {@link MalformedProxyResponse} for anything API Gateway answers 502 to.
 * @example
 * ```ts
 * mapRestResult(Buffer.from('{"statusCode":201,"body":"made"}'), context).head.statusCode; // 201
 * ```
 */
export function mapRestResult(bytes: Buffer, context: ResultContext): RestResult {
  const type = context.contentType?.split(';')[0]?.trim();
  if (type === HTTP_INTEGRATION_CONTENT_TYPE) return fromPrelude(bytes);
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new MalformedProxyResponse('the result is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedProxyResponse('the result is not a JSON object');
  }
  const result = value as Record<string, unknown>;
  if (!('statusCode' in result)) throw new MalformedProxyResponse('the result has no statusCode');
  if (result.body !== undefined && result.body !== null && typeof result.body !== 'string') {
    throw new MalformedProxyResponse('the result body is not a string');
  }
  const head = headFromProxy(result, true);
  const text = result.body ?? '';
  const binary =
    result.isBase64Encoded === true &&
    (isBinaryType(context.accept, context.binaryMediaTypes) ||
      isBinaryType(headerValue(head, 'content-type'), context.binaryMediaTypes));
  return { head, body: Buffer.from(text, binary ? 'base64' : 'utf8') };
}
