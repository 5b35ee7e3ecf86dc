/**
 * The dashboard as a plug-in of one emulator: a live feed of every log line, and the hooks it
 * registers on the front ends once the API's endpoint (the page's origin) is known. Nothing in
 * the servers imports it; the startup plugs it in.
 */

import type { RequestHook } from '../../front-ends/request-hook.js';
import type { LocalFunction } from '../../functions/local-function.js';
import type { Logger } from '../../logs/emulator-logger.js';
import type { FunctionLogger } from '../../logs/function-logs.js';
import type { DashboardSettings } from './dashboard-config.js';
import { dashboardUrlCors } from './dashboard-cors.js';
import { dashboardOrigins } from './dashboard-origins.js';
import { createDashboardRoutes } from './dashboard-routes.js';
import { createLogFeed, type LogFeed } from './log-feed.js';

/** What the dashboard adds to the front ends. */
export interface DashboardHooks {
  /** The page, its files, its config and its log feed, on the Lambda API's port. */
  api: RequestHook;
  /** Lets the page, and only it, read the responses of URLs without a `Cors` configuration. */
  urls: RequestHook<LocalFunction>;
}

/** The dashboard of one emulator. */
export interface Dashboard {
  feed: LogFeed;
  /** The function logger to give the invocations: the sink, and the feed. */
  functionLogger: FunctionLogger;
  /** @returns The emulator's logger, also writing into the feed. */
  emulatorLogger(logger: Logger): Logger;
  /**
   * @param settings - What the page is told about the emulator.
   * @param endpoint - The Lambda API endpoint, which serves the page (its origin).
   * @returns The hooks to register on the API server and on every URL server.
   */
  hooks(settings: DashboardSettings, endpoint: string): DashboardHooks;
}

/**
 * Creates the dashboard of one emulator: its log feed, teed from the loggers, and its hooks.
 *
 * @param sink - Where function logs go besides the feed (the `logger` option or the console).
 * @returns The dashboard, to plug into the front ends.
 * @example
 * ```ts
 * const dashboard = createDashboard(options.logger ?? createConsoleLogger());
 * createInvocationService({ ...options, logger: dashboard.functionLogger });
 * const hooks = dashboard.hooks(settings, endpoint);
 * attachApiServer(server, { service, region, verify, hooks: [hooks.api] });
 * ```
 */
export function createDashboard(sink: FunctionLogger): Dashboard {
  const feed = createLogFeed();
  const alsoInFeed = (write: (message: string) => void) => (message: string) => {
    write(message);
    feed.publish({ functionName: 'local-lambda', source: 'emulator', message });
  };
  return {
    feed,
    functionLogger: feed.tee(sink),
    emulatorLogger: (logger) => ({
      info: alsoInFeed((message) => logger.info(message)),
      warn: alsoInFeed((message) => logger.warn(message)),
      error: alsoInFeed((message) => logger.error(message)),
    }),
    hooks: (settings, endpoint) => ({
      api: createDashboardRoutes({ ...settings, feed }),
      urls: dashboardUrlCors(dashboardOrigins(endpoint)),
    }),
  };
}
