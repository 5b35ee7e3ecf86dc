import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHook } from '../../front-ends/request-hook.js';
import { sendJson } from '../../http/http-send.js';
import { ASSETS, sendAsset } from './dashboard-assets.js';
import { type DashboardSettings, dashboardConfig } from './dashboard-config.js';
import type { LogFeed } from './log-feed.js';
import { streamLogs } from './log-stream.js';
import { checkLoopback } from './loopback.js';

/** What the dashboard serves from. */
export interface DashboardOptions extends DashboardSettings {
  feed: LogFeed;
}

/**
 * Creates the dashboard's routes on the API endpoint: `GET /` (the page), `GET /dashboard/*`
 * (its files), `GET /dashboard/config.json` and `GET /dashboard/logs` (server-sent events).
 * Everything else the page does goes through the public endpoints: the Lambda API and the
 * function URLs, signed with SigV4 like any client.
 *
 * @param options - Settings, functions and the log feed.
 * @returns The hook for `createApiServer({ hooks })`: `true` when it answered, `false` to let
 *   the API handle the request.
 * @example
 * ```ts
 * const routes = createDashboardRoutes({ ...settings, feed });
 * createApiServer({ service, region, verify, hooks: [routes] });
 * ```
 */
export function createDashboardRoutes(options: DashboardOptions): RequestHook {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const asset = ASSETS[pathname];
    if (asset) {
      sendAsset(res, asset, req.method === 'HEAD').catch(() => res.destroy());
      return true;
    }
    if (pathname === '/dashboard/config.json') {
      sendJson(res, 200, dashboardConfig(options, checkLoopback(req)), noStore);
      return true;
    }
    if (pathname === '/dashboard/logs') {
      answerLogs(req, res, options.feed);
      return true;
    }
    return false;
  };
}

const noStore = { 'Cache-Control': 'no-store' };

/** Function output stays on this machine, as the credentials do. */
function answerLogs(req: IncomingMessage, res: ServerResponse, feed: LogFeed): void {
  const check = checkLoopback(req);
  if (check.ok) {
    streamLogs(req, res, feed);
    return;
  }
  const message = `The log feed is served to loopback addresses only: ${check.reason}.`;
  sendJson(res, 403, { message }, noStore);
}
