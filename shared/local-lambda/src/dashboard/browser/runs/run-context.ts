import type { LambdaApi } from '../aws/lambda-api.js';
import type { SignedFetch } from '../aws/signer.js';
import type { DashboardConfig, DashboardFunction } from '../config.js';
import { formatBytes } from '../format.js';
import type { ChartGuide } from '../views/chart-series.js';
import type { ReportWatch } from './report-watch.js';

/** What every run needs. */
export interface RunContext {
  config: DashboardConfig;
  /** Present when the page may sign (served on a loopback address). */
  signed?: SignedFetch;
  api?: LambdaApi;
  /** The REPORT lines of the log feed (when the page may read it): cold or warm starts. */
  reports?: ReportWatch;
  /** Where the run is shown. */
  stage: HTMLElement;
  /** Aborted when a newer run replaces this one. */
  signal?: AbortSignal;
}

/**
 * Sends a request to a function URL as any client would: signed when the URL is `AWS_IAM`.
 *
 * @example
 * ```ts
 * const response = await requestUrl(context, fn, new URL('/?pad=1', fn.url.url));
 * ```
 */
export function requestUrl(
  context: RunContext,
  fn: DashboardFunction,
  url: URL,
): Promise<Response> {
  const signal = context.signal ? { signal: context.signal } : {};
  if (fn.url?.authType !== 'AWS_IAM') return fetch(url, { cache: 'no-store', ...signal });
  if (!context.signed) return Promise.reject(new Error('this page cannot sign (read-only)'));
  return context.signed(url.href, signal);
}

/**
 * @returns The chart's guide at the end of Lambda's burst (6 MiB), when the limit is on.
 * @example
 * ```ts
 * new RunView('url', name, line, burstGuide(config));
 * ```
 */
export function burstGuide(config: DashboardConfig): ChartGuide[] {
  const rule = config.bandwidth;
  if (!rule) return [];
  const label = `${formatBytes(rule.burstBytes)} burst at full speed, then ${formatBytes(rule.bytesPerSecond)}/s`;
  return [{ bytes: rule.burstBytes, label }];
}

/**
 * The event a function URL would send for a GET of this URL (payload format 2.0, the parts a
 * handler reads), for running the same function through `Invoke`.
 *
 * @example
 * ```ts
 * api.invoke(fn.name, JSON.stringify(urlEvent(new URL('http://127.0.0.1:3001/?pad=1'))));
 * ```
 */
export function urlEvent(url: URL): Record<string, unknown> {
  const query = Object.fromEntries(url.searchParams);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(url.search ? { queryStringParameters: query } : {}),
    headers: { host: url.host, 'user-agent': navigator.userAgent },
    requestContext: {
      http: { method: 'GET', path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1' },
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
  };
}
