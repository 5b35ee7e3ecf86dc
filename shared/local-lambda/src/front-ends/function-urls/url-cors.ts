import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalFunctionUrl } from '../../functions/local-function.js';

type Cors = NonNullable<LocalFunctionUrl['cors']>;

/**
 * @param req - The request.
 * @param cors - The URL's CORS configuration.
 * @returns Whether the URL answers this request itself as a CORS preflight. UNCONFIRMED
 *   (spec §4.5, §10 item 8): Lambda is assumed to answer preflights without invoking the
 *   function when CORS is configured.
 * @example
 * ```ts
 * if (isUrlPreflight(req, url.cors)) return answerUrlPreflight(req, res, url.cors);
 * ```
 */
export function isUrlPreflight(req: IncomingMessage, cors: Cors | undefined): cors is Cors {
  return (
    cors !== undefined &&
    req.method === 'OPTIONS' &&
    req.headers.origin !== undefined &&
    req.headers['access-control-request-method'] !== undefined
  );
}

/**
 * Answers a preflight from the URL's CORS configuration: 200, with the `Access-Control-*`
 * headers only when the origin is allowed.
 *
 * @example
 * ```ts
 * answerUrlPreflight(req, res, cors, { 'x-amzn-RequestId': requestId });
 * ```
 */
export function answerUrlPreflight(
  req: IncomingMessage,
  res: ServerResponse,
  cors: Cors,
  headers: Record<string, string>,
): void {
  const allowOrigin = allowedOrigin(req.headers.origin, cors);
  const corsHeaders: Record<string, string> = { Vary: 'Origin' };
  if (allowOrigin !== undefined) {
    corsHeaders['Access-Control-Allow-Origin'] = allowOrigin;
    if (cors.allowMethods.length > 0)
      corsHeaders['Access-Control-Allow-Methods'] = cors.allowMethods.join(', ');
    if (cors.allowHeaders.length > 0)
      corsHeaders['Access-Control-Allow-Headers'] = cors.allowHeaders.join(', ');
    if (cors.maxAge > 0) corsHeaders['Access-Control-Max-Age'] = String(cors.maxAge);
    if (cors.allowCredentials) corsHeaders['Access-Control-Allow-Credentials'] = 'true';
  }
  res.writeHead(200, { ...headers, ...corsHeaders, 'Content-Length': '0' });
  res.end();
}

/**
 * The CORS headers of an ordinary response. They replace any `Access-Control-*` header the
 * function set: the URL's configuration wins (spec §4.5).
 *
 * @param origin - The request's `Origin`.
 * @param cors - The URL's configuration, or `undefined` when it has none.
 * @returns Headers to set, and whether the function's own CORS headers must go.
 * @example
 * ```ts
 * const { headers, replaceFunctionCors } = responseCorsHeaders(req.headers.origin, url.cors);
 * ```
 */
export function responseCorsHeaders(
  origin: string | undefined,
  cors: Cors | undefined,
): { headers: Record<string, string>; replaceFunctionCors: boolean } {
  if (cors === undefined) return { headers: {}, replaceFunctionCors: false };
  const allowOrigin = allowedOrigin(origin, cors);
  const headers: Record<string, string> = {};
  if (allowOrigin !== undefined) {
    headers['Access-Control-Allow-Origin'] = allowOrigin;
    if (cors.exposeHeaders.length > 0)
      headers['Access-Control-Expose-Headers'] = cors.exposeHeaders.join(', ');
    if (cors.allowCredentials) headers['Access-Control-Allow-Credentials'] = 'true';
  }
  if (origin !== undefined) headers.Vary = 'Origin';
  return { headers, replaceFunctionCors: true };
}

function allowedOrigin(origin: string | undefined, cors: Cors): string | undefined {
  if (origin === undefined) return undefined;
  if (cors.allowOrigins.includes('*')) return cors.allowCredentials ? origin : '*';
  const listed = cors.allowOrigins.some(
    (allowed) => allowed.toLowerCase() === origin.toLowerCase(),
  );
  return listed ? origin : undefined;
}
