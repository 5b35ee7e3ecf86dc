import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHook } from '../../front-ends/request-hook.js';
import type { LocalFunction } from '../../functions/local-function.js';

/**
 * The one thing local-lambda does that Lambda does not: a function URL **without** a `Cors`
 * configuration lets the emulator's own dashboard page (its exact origins, nothing else) read
 * its responses from the browser. Lambda adds no CORS headers to such a URL, so a page on
 * another origin could not read the streamed body at all; the dashboard would then have no way
 * to show it. The function sees the same request and its response is the same bytes: only the
 * `Access-Control-*` headers are added, and the preflight that the signed headers cause is
 * answered here (on Lambda it would reach the function, or fail SigV4 on an `AWS_IAM` URL).
 * A URL that has a `Cors` configuration keeps it, unchanged, for every origin.
 *
 * @param req - A request to a URL without a `Cors` configuration.
 * @param res - Its response, before anything is written.
 * @param origins - The dashboard's exact origins.
 * @returns `true` when this was the dashboard's preflight and it has been answered (204).
 * @example
 * ```ts
 * if (!fn.url?.cors && answerDashboardCors(req, res, origins)) return;
 * ```
 */
export function answerDashboardCors(
  req: IncomingMessage,
  res: ServerResponse,
  origins: readonly string[],
): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || !origins.includes(origin)) return false;
  // Set before the function's head: headers the function sets itself still win.
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Expose-Headers', '*');
  res.setHeader('Vary', 'Origin');
  const method = req.headers['access-control-request-method'];
  if (req.method !== 'OPTIONS' || method === undefined) return false;
  res.setHeader('Access-Control-Allow-Methods', method);
  const asked = req.headers['access-control-request-headers'];
  if (asked) res.setHeader('Access-Control-Allow-Headers', asked);
  res.setHeader('Access-Control-Max-Age', '600');
  res.writeHead(204);
  res.end();
  return true;
}

/**
 * The dashboard's hook on the function URL servers: {@link answerDashboardCors} for every URL
 * without a `Cors` configuration; a URL that has one keeps it, unchanged.
 *
 * @param origins - The dashboard's exact origins.
 * @returns The hook.
 * @example
 * ```ts
 * createFunctionUrlServer({ fn, service, verify, hooks: [dashboardUrlCors(origins)] });
 * ```
 */
export function dashboardUrlCors(origins: readonly string[]): RequestHook<LocalFunction> {
  return (req, res, fn) => !fn.url?.cors && answerDashboardCors(req, res, origins);
}
