import {
  BANDWIDTH_BURST_BYTES,
  BANDWIDTH_BYTES_PER_SECOND,
  LOCAL_ACCOUNT_ID,
} from '../../defaults.js';
import type { LocalFunction } from '../../functions/local-function.js';
import type { Logger } from '../../logs/emulator-logger.js';
import type { FunctionLogger } from '../../logs/function-logs.js';
import type { Settings } from '../../start/start-options.js';
import type { DashboardSettings } from './dashboard-config.js';
import { dashboardOrigins } from './dashboard-origins.js';
import { createDashboardRoutes, type DashboardRoutes } from './dashboard-routes.js';
import { createLogFeed, type LogFeed } from './log-feed.js';

/** The dashboard's parts as `startLocalLambda` wires them into the servers. */
export interface EmulatorDashboard {
  feed: LogFeed;
  /** The function logger to give the core: the sink, and the feed. */
  functionLogger: FunctionLogger;
  /** @returns The emulator's logger, also writing into the feed. */
  emulatorLogger(logger: Logger): Logger;
  /** @returns The routes for the API server. */
  routes(settings: DashboardSettings): DashboardRoutes;
  /** The page's origins, once {@link EmulatorDashboard.listening} was called; for the URLs. */
  origins(): readonly string[];
  /** Records the API endpoint, which is the page's origin. */
  listening(endpoint: string): void;
}

/**
 * Creates the dashboard of one emulator: its log feed (teed from the loggers) and, once the
 * API listens, the page's origins that the function URLs let read their responses.
 *
 * @param sink - Where function logs go besides the feed (the `logger` option or the console).
 * @returns The parts to wire.
 * @example
 * ```ts
 * const dashboard = createEmulatorDashboard(options.logger ?? createConsoleLogger());
 * createInvocationService({ ...options, logger: dashboard.functionLogger });
 * ```
 */
export function createEmulatorDashboard(sink: FunctionLogger): EmulatorDashboard {
  const feed = createLogFeed();
  let origins: readonly string[] = [];
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
    routes: (settings) => createDashboardRoutes({ ...settings, feed }),
    origins: () => origins,
    listening(endpoint) {
      origins = dashboardOrigins(endpoint);
    },
  };
}

/**
 * What the dashboard page is told about an emulator.
 *
 * @param functions - The served functions.
 * @param settings - The emulator's settings, defaults applied.
 * @returns The settings of the dashboard's config.
 * @example
 * ```ts
 * dashboard.routes(dashboardSettings(functions, settings));
 * ```
 */
export function dashboardSettings(
  functions: LocalFunction[],
  settings: Settings,
): DashboardSettings {
  const limit = settings.limits.bandwidthLimit;
  const standard = {
    burstBytes: BANDWIDTH_BURST_BYTES,
    bytesPerSecond: BANDWIDTH_BYTES_PER_SECOND,
  };
  return {
    region: settings.region,
    accountId: LOCAL_ACCOUNT_ID,
    credentials: settings.credentials,
    functions,
    bandwidth: limit === true ? standard : limit === false ? null : limit,
    maxBufferedBytes: settings.limits.maxBufferedResponseBytes,
  };
}
