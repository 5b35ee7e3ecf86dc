/**
 * The last step of the startup: the front ends attach to their bound servers, with the dashboard
 * plugged in through their hooks.
 */
import type { Dashboard } from '../dashboard/server/dashboard-plugin.js';
import {
  BANDWIDTH_BURST_BYTES,
  BANDWIDTH_BYTES_PER_SECOND,
  LOCAL_ACCOUNT_ID,
  SIGNING_SERVICE,
} from '../defaults.js';
import { attachFunctionUrlServer } from '../front-ends/function-urls/url-server.js';
import { attachApiServer } from '../front-ends/lambda-api/api-server.js';
import type { LocalRestApi } from '../front-ends/rest-apis/local-rest-api.js';
import { attachRestApiServer } from '../front-ends/rest-apis/rest-server.js';
import type { LocalFunction } from '../functions/local-function.js';
import type { InvocationService } from '../invocations/contracts.js';
import { logRejections } from '../sigv4/rejection-log.js';
import type { SigV4Verifier } from '../sigv4/verify-sigv4.js';
import { type BoundPorts, startServing } from './bind-ports.js';
import type { Settings } from './start-options.js';

/** What the front ends serve. */
export interface FrontEndParts {
  functions: readonly LocalFunction[];
  restApis: readonly LocalRestApi[];
  service: InvocationService;
  verify: SigV4Verifier;
  /** Checks signatures for REST APIs (service `execute-api`). */
  verifyExecuteApi: SigV4Verifier;
  settings: Settings;
  dashboard: Dashboard;
}

/**
 * Attaches the Lambda API, every function URL and every REST API to their servers; from now on
 * they serve.
 *
 * @param ports - The bound servers.
 * @param parts - Functions, invocations, verifier, settings and the dashboard.
 * @example
 * ```ts
 * attachFrontEnds(ports, { functions, service, verify, settings, dashboard });
 * ```
 */
export function attachFrontEnds(ports: BoundPorts, parts: FrontEndParts): void {
  const { functions, service, verify, settings, dashboard } = parts;
  const { region, logger, errorMode, errorDetails } = settings;
  const restRoutes = parts.restApis.flatMap((api) =>
    api.definition.routes.map((route) => ({
      functionName: route.functionName,
      api: api.name,
      method: route.method,
      url: `${api.url}/${api.definition.stages[0]}${route.path}`,
      transferMode: route.transferMode,
      auth: route.auth.type === 'UNSUPPORTED' ? route.auth.reason : route.auth.type,
    })),
  );
  const hooks = dashboard.hooks(
    { ...dashboardSettings(functions, settings), restRoutes },
    ports.api.url,
  );
  // Every refused signature is logged, naming the front end and what it expects.
  const expected = {
    region,
    service: SIGNING_SERVICE,
    accessKeyId: settings.credentials.accessKeyId,
  };
  const verifyFor = (frontEnd: string) => logRejections(verify, { frontEnd, ...expected }, logger);
  for (const fn of functions) {
    const bound = ports.urls.get(fn.name);
    if (!bound || !fn.url) continue;
    const server = startServing(bound.server);
    attachFunctionUrlServer(server, {
      fn,
      service,
      verify: verifyFor(`the function URL of ${fn.name} (${fn.url.url})`),
      logger,
      errorMode,
      hooks: [hooks.urls],
    });
  }
  attachRestApis(ports, parts, expected.accessKeyId);
  const server = startServing(ports.api.server);
  attachApiServer(server, {
    service,
    region,
    verify: verifyFor(`the Lambda API (${ports.api.url})`),
    logger,
    errorDetails,
    hooks: [hooks.api],
  });
}

/** Each REST API on its own server; refused signatures are logged like the others. */
function attachRestApis(ports: BoundPorts, parts: FrontEndParts, accessKeyId: string): void {
  const { region, logger, limits } = parts.settings;
  for (const api of parts.restApis) {
    const bound = ports.restApis.get(api.name);
    if (!bound) continue;
    const context = {
      frontEnd: `the REST API ${api.name} (${api.url})`,
      region,
      service: 'execute-api',
      accessKeyId,
    };
    attachRestApiServer(startServing(bound.server), {
      api,
      service: parts.service,
      verify: logRejections(parts.verifyExecuteApi, context, logger),
      region,
      logger,
      bandwidthLimit: limits.bandwidthLimit,
    });
  }
}

/** What the dashboard page is told about the emulator. */
function dashboardSettings(functions: readonly LocalFunction[], settings: Settings) {
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
