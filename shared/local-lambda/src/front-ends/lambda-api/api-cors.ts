import type { IncomingMessage, ServerResponse } from 'node:http';

/** Origins of pages on this machine: only they may call the local API from a browser. */
const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/i;

const EXPOSED_HEADERS = [
  'x-amzn-requestid',
  'x-amzn-errortype',
  'x-amz-function-error',
  'x-amz-log-result',
  'x-amz-executed-version',
].join(', ');

/**
 * Adds CORS headers to an API response when the page calling it is served from a loopback
 * origin, so a local browser page can call the API (real Lambda has no browser CORS on its API).
 *
 * @param req - The request.
 * @param res - Its response, before the head is sent.
 * @example
 * ```ts
 * applyApiCors(req, res);
 * ```
 */
export function applyApiCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (origin === undefined || !LOOPBACK_ORIGIN.test(origin)) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  res.setHeader('Vary', 'Origin');
}

/**
 * @param req - The request.
 * @returns Whether it is a CORS preflight (browsers never sign these).
 * @example
 * ```ts
 * if (isPreflight(req)) return answerApiPreflight(req, res);
 * ```
 */
export function isPreflight(req: IncomingMessage): boolean {
  return req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
}

/**
 * Answers a preflight with the methods of the API and the headers the page asked for.
 *
 * @param req - The preflight.
 * @param res - Its response, with {@link applyApiCors} already applied.
 * @example
 * ```ts
 * answerApiPreflight(req, res); // 204
 * ```
 */
export function answerApiPreflight(req: IncomingMessage, res: ServerResponse): void {
  if (res.hasHeader('Access-Control-Allow-Origin')) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    const asked = req.headers['access-control-request-headers'];
    if (asked) res.setHeader('Access-Control-Allow-Headers', asked);
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.statusCode = 204;
  res.end();
}
