import type { Server } from 'node:http';
import { loadTemplates } from '@lambda-streaming/sam-template';
import { createDashboard } from '../dashboard/server/dashboard-plugin.js';
import * as defaults from '../defaults.js';
import { describeRestApi, type LocalRestApi } from '../front-ends/rest-apis/local-rest-api.js';
import { describeFunctions, servedDefinitions } from '../functions/function-descriptions.js';
import type { LocalFunction } from '../functions/local-function.js';
import type { InvocationService } from '../invocations/contracts.js';
import { createInvocationService } from '../invocations/invocation-service.js';
import { createConsoleLogger } from '../logs/function-logs.js';
import { createSigV4Verifier } from '../sigv4/verify-sigv4.js';
import { attachFrontEnds } from './attach-front-ends.js';
import { bindPorts } from './bind-ports.js';
import { closeNow } from './listen.js';
import {
  type LocalLambda,
  resolveSettings,
  type ServedFunction,
  type ServedRestApi,
  type StartLocalLambdaOptions,
} from './start-options.js';

/**
 * Starts the emulator in one sequence: load the templates, bind every port (one per function URL,
 * then the Lambda API), describe the functions with their URLs, create the invocation service,
 * attach the front ends with the dashboard plugged in. Functions run in child processes that
 * speak the Runtime API.
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
  const dashboard = createDashboard(options.logger ?? createConsoleLogger());
  const resolved = resolveSettings(options);
  const settings = { ...resolved, logger: dashboard.emulatorLogger(resolved.logger) };
  const { region, credentials } = settings;
  const accountId = defaults.LOCAL_ACCOUNT_ID;
  const paths = typeof options.templates === 'string' ? [options.templates] : options.templates;
  const templates = await loadTemplates(paths, {
    region,
    accountId,
    ...(options.parameterOverrides ? { parameterOverrides: options.parameterOverrides } : {}),
  });
  const definitions = servedDefinitions(templates);
  const restApiDefinitions = templates.flatMap((template) => template.restApis);
  const running = runningParts();
  try {
    const ports = await bindPorts(definitions, settings, running.servers, restApiDefinitions);
    const functions = describeFunctions(definitions, ports.urls, { region, accountId });
    const restApis = restApiDefinitions.flatMap((api) => {
      const bound = ports.restApis.get(api.logicalId);
      return bound ? [describeRestApi(api, bound)] : [];
    });
    running.service = createInvocationService({
      functions,
      region,
      credentials,
      limits: settings.limits,
      ...(options.runtimeClient ? { runtimeClient: options.runtimeClient } : {}),
      logger: dashboard.functionLogger,
    });
    const verify = createSigV4Verifier({ credentials, region, service: defaults.SIGNING_SERVICE });
    const verifyExecuteApi = createSigV4Verifier({ credentials, region, service: 'execute-api' });
    const service = running.service;
    attachFrontEnds(ports, {
      functions,
      restApis,
      service,
      verify,
      verifyExecuteApi,
      settings,
      dashboard,
    });
    const restWarnings = restApis.flatMap(unsupportedAuthWarnings);
    for (const warning of restWarnings) settings.logger.warn(warning);
    return {
      endpoint: ports.api.url,
      region,
      credentials,
      functions: functions.map(describeFunction),
      restApis: restApis.map(describeServedRestApi),
      warnings: [...templates.flatMap((template) => template.warnings), ...restWarnings],
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

function describeFunction(fn: LocalFunction): ServedFunction {
  const served: ServedFunction = { name: fn.name, arn: fn.arn };
  if (!fn.url) return served;
  return { ...served, url: fn.url.url, invokeMode: fn.url.invokeMode, authType: fn.url.authType };
}

function describeServedRestApi(api: LocalRestApi): ServedRestApi {
  const { stages, routes } = api.definition;
  return {
    name: api.name,
    url: api.url,
    port: api.port,
    stages: [...stages],
    stageUrls: stages.map((stage) => `${api.url}/${stage}`),
    routes: routes.map((route) => ({
      method: route.method,
      path: route.path,
      functionName: route.functionName,
      transferMode: route.transferMode,
      auth: route.auth.type === 'UNSUPPORTED' ? route.auth.reason : route.auth.type,
    })),
  };
}

/** Routes behind authorizers the emulator does not run: said at start, refused with 500. */
function unsupportedAuthWarnings(api: LocalRestApi): string[] {
  return api.definition.routes.flatMap((route) =>
    route.auth.type === 'UNSUPPORTED'
      ? [
          `REST API ${api.name}: ${route.method} ${route.path} uses ${route.auth.reason}, which local-lambda does not emulate; the route answers 500.`,
        ]
      : [],
  );
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= action();
    return running;
  };
}
