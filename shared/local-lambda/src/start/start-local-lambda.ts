import type { Server } from 'node:http';
import { loadTemplates } from '@lambda-streaming/sam-template';
import {
  createEmulatorDashboard,
  dashboardSettings,
  type EmulatorDashboard,
} from '../dashboard/server/emulator-dashboard.js';
import * as defaults from '../defaults.js';
import { createFunctionUrlServer } from '../front-ends/function-urls/url-server.js';
import { createApiServer } from '../front-ends/lambda-api/api-server.js';
import type { LocalFunction } from '../functions/local-function.js';
import { localFunctions } from '../functions/local-functions.js';
import type { InvocationService } from '../invocations/contracts.js';
import { createInvocationService } from '../invocations/invocation-service.js';
import { createConsoleLogger } from '../logs/function-logs.js';
import { createSigV4Verifier, type SigV4Verifier } from '../sigv4/verify-sigv4.js';
import { createDeferredService } from './deferred-service.js';
import { baseUrl, closeNow, listen } from './listen.js';
import {
  type LocalLambda,
  resolveSettings,
  type ServedFunction,
  type Settings,
  type StartLocalLambdaOptions,
} from './start-options.js';

/**
 * Starts the emulator: loads the templates, binds one port per function URL and the Lambda API,
 * and runs functions in child processes that speak the Runtime API.
 *
 * @param options - Templates and optional settings.
 * @returns The endpoint, the functions with their URLs, and `close()`.
 * @throws TemplateError naming file and property; PortInUseError naming the port and option.
 * @example
 * ```ts
 * const lambda = await startLocalLambda({ templates: 'template.yaml', port: 0 });
 * const client = new LambdaClient({ endpoint: lambda.endpoint, region: lambda.region, credentials: lambda.credentials });
 * await lambda.close();
 * ```
 */
export async function startLocalLambda(options: StartLocalLambdaOptions): Promise<LocalLambda> {
  // Every log line also feeds the dashboard's live log panel.
  const dashboard = createEmulatorDashboard(options.logger ?? createConsoleLogger());
  const resolved = resolveSettings(options);
  const settings = { ...resolved, logger: dashboard.emulatorLogger(resolved.logger) };
  const paths = typeof options.templates === 'string' ? [options.templates] : options.templates;
  const templates = await loadTemplates(paths, {
    region: settings.region,
    accountId: defaults.LOCAL_ACCOUNT_ID,
    ...(options.parameterOverrides ? { parameterOverrides: options.parameterOverrides } : {}),
  });
  const functions = localFunctions(templates, settings.region, defaults.LOCAL_ACCOUNT_ID);
  const running = runningParts();
  try {
    const endpoint = await serve(functions, settings, options, running, dashboard);
    return {
      endpoint,
      region: settings.region,
      credentials: settings.credentials,
      functions: functions.map(describeFunction),
      warnings: templates.flatMap((template) => template.warnings),
      close: running.close,
    };
  } catch (error) {
    await running.close();
    throw error;
  }
}

/** What has been started so far, so that a failed start and `close()` stop all of it. */
interface RunningParts {
  servers: Server[];
  service?: InvocationService;
  close(): Promise<void>;
}

function runningParts(): RunningParts {
  const parts: RunningParts = {
    servers: [],
    close: once(async () => {
      await Promise.all(parts.servers.map(closeNow));
      await parts.service?.close();
    }),
  };
  return parts;
}

/** Binds the URLs first (their ports are part of each function), then the core, then the API. */
async function serve(
  functions: LocalFunction[],
  settings: Settings,
  options: StartLocalLambdaOptions,
  running: RunningParts,
  dashboard: EmulatorDashboard,
): Promise<string> {
  const verify = createSigV4Verifier({
    credentials: settings.credentials,
    region: settings.region,
  });
  const deferred = createDeferredService(functions);
  await startUrlServers(functions, running.servers, {
    ...settings,
    verify,
    service: deferred.service,
    dashboardOrigins: dashboard.origins,
  });
  const service = createInvocationService({
    functions,
    region: settings.region,
    credentials: settings.credentials,
    limits: settings.limits,
    ...(options.runtimeClient ? { runtimeClient: options.runtimeClient } : {}),
    logger: dashboard.functionLogger,
  });
  running.service = service;
  deferred.resolve(service);
  return startApi({ service, verify, functions, settings, running, dashboard });
}

/** Binds the Lambda API, with the dashboard's routes in front; resolves to its endpoint. */
async function startApi(parts: {
  service: InvocationService;
  verify: SigV4Verifier;
  functions: LocalFunction[];
  settings: Settings;
  running: RunningParts;
  dashboard: EmulatorDashboard;
}): Promise<string> {
  const { service, verify, settings, dashboard } = parts;
  const { region, logger, errorDetails } = settings;
  const routes = dashboard.routes(dashboardSettings(parts.functions, settings));
  const api = createApiServer({ service, region, verify, logger, errorDetails, dashboard: routes });
  parts.running.servers.push(api);
  const describe = { what: 'the Lambda API', option: '--port (port)' };
  const port = await listen(api, settings.port, settings.host, describe);
  const endpoint = baseUrl(settings.host, port);
  dashboard.listening(endpoint);
  return endpoint;
}

/** Binds each function URL on its own port, in template order, and records its URL. */
async function startUrlServers(
  functions: LocalFunction[],
  servers: Server[],
  context: Settings & {
    verify: SigV4Verifier;
    service: InvocationService;
    dashboardOrigins: () => readonly string[];
  },
): Promise<void> {
  const withUrls = functions.filter((fn) => fn.definition.functionUrl !== undefined);
  for (const [index, fn] of withUrls.entries()) {
    const config = fn.definition.functionUrl;
    if (!config) continue;
    const url = {
      authType: config.authType,
      invokeMode: config.invokeMode,
      ...(config.cors ? { cors: config.cors } : {}),
    };
    const server = createFunctionUrlServer({
      fn,
      url,
      service: context.service,
      verify: context.verify,
      logger: context.logger,
      errorMode: context.errorMode,
      dashboardOrigins: context.dashboardOrigins,
    });
    servers.push(server);
    const wanted = context.urlPortBase === 0 ? 0 : context.urlPortBase + index;
    const option = '--url-port-base (urlPortBase)';
    const port = await listen(server, wanted, context.host, {
      what: `the URL of ${fn.name}`,
      option,
    });
    fn.url = { ...url, url: `${baseUrl(context.host, port)}/`, port };
  }
}

function describeFunction(fn: LocalFunction): ServedFunction {
  const served: ServedFunction = { name: fn.name, arn: fn.arn };
  if (!fn.url) return served;
  return { ...served, url: fn.url.url, invokeMode: fn.url.invokeMode, authType: fn.url.authType };
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= action();
    return running;
  };
}
