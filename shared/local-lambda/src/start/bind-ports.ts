/**
 * The first step of the startup: every port is bound before anything is served, because an
 * ephemeral port is only known once bound and each function URL's port is part of the function.
 * The servers answer 503 until their front end is attached, a moment later.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { SamFunction, SamRestApi } from '@lambda-streaming/sam-template';
import { DEFAULT_REST_API_PORT_BASE } from '../defaults.js';
import type { BoundUrl } from '../functions/function-descriptions.js';
import { sendJson } from '../http/http-send.js';
import { baseUrl, listen } from './listen.js';
import { checkPortPlan } from './port-plan.js';

/** A bound server and where it listens. */
export interface BoundServer extends BoundUrl {
  server: Server;
}

/** Every port of one emulator. */
export interface BoundPorts {
  /** The Lambda API; `url` is its endpoint (no trailing slash). */
  api: BoundServer;
  /** One server per function URL, by logical ID. */
  urls: Map<string, BoundServer>;
  /** One server per REST API, by logical ID; `url` has no trailing slash. */
  restApis: Map<string, BoundServer>;
}

/** Where to bind. */
export interface PortSettings {
  host: string;
  port: number;
  urlPortBase: number;
  /** Port of the first REST API; default 3100, or 0 when `urlPortBase` is 0. */
  restApiPortBase?: number;
}

/** A request that arrives between the bind and the attach (only a fast client can send one). */
const answerStarting: RequestListener = (_req, res) => {
  res.setHeader('Retry-After', '1');
  sendJson(res, 503, { message: 'local-lambda is starting; try again in a moment.' });
};

/**
 * Binds one port per function URL, in template order from `urlPortBase`, one per REST API from
 * `restApiPortBase`, then the Lambda API.
 * Each server joins `servers` as soon as it exists, so a failed start closes it.
 *
 * @param definitions - The served functions.
 * @param settings - Host and ports.
 * @param servers - Receives every server created.
 * @param restApis - The served REST APIs.
 * @returns The bound servers.
 * @throws PortInUseError naming the port and the option that moves it; PortCollisionError when
 *   the fixed ranges overlap.
 * @example
 * ```ts
 * const ports = await bindPorts(definitions, { host: '127.0.0.1', port: 0, urlPortBase: 0 }, []);
 * attachApiServer(startServing(ports.api.server), options);
 * ```
 */
export async function bindPorts(
  definitions: readonly SamFunction[],
  settings: PortSettings,
  servers: Server[],
  restApis: readonly SamRestApi[] = [],
): Promise<BoundPorts> {
  const urls = new Map<string, BoundServer>();
  const withUrls = definitions.filter((definition) => definition.functionUrl !== undefined);
  const restApiPortBase =
    settings.restApiPortBase ?? (settings.urlPortBase === 0 ? 0 : DEFAULT_REST_API_PORT_BASE);
  checkPortPlan(
    { ...settings, restApiPortBase },
    { urls: withUrls.length, restApis: restApis.length },
  );
  for (const [index, definition] of withUrls.entries()) {
    const wanted = settings.urlPortBase === 0 ? 0 : settings.urlPortBase + index;
    const describe = {
      what: `the URL of ${definition.logicalId}`,
      option: '--url-port-base (urlPortBase)',
    };
    const bound = await bind(wanted, settings.host, describe, servers);
    urls.set(definition.logicalId, { ...bound, url: `${bound.url}/` });
  }
  const bound = new Map<string, BoundServer>();
  for (const [index, restApi] of restApis.entries()) {
    const wanted = restApiPortBase === 0 ? 0 : restApiPortBase + index;
    const what = {
      what: `the REST API ${restApi.logicalId}`,
      option: '--rest-api-port-base (restApiPortBase)',
    };
    bound.set(restApi.logicalId, await bind(wanted, settings.host, what, servers));
  }
  const describe = { what: 'the Lambda API', option: '--port (port)' };
  const api = await bind(settings.port, settings.host, describe, servers);
  return { api, urls, restApis: bound };
}

/**
 * Takes a bound server from its "starting" answer, for its front end to attach to it.
 *
 * @param server - A server from {@link bindPorts}.
 * @returns The same server, without a request handler.
 * @example
 * ```ts
 * attachFunctionUrlServer(startServing(bound.server), { fn, service, verify });
 * ```
 */
export function startServing(server: Server): Server {
  server.off('request', answerStarting);
  return server;
}

async function bind(
  wanted: number,
  host: string,
  describe: { what: string; option: string },
  servers: Server[],
): Promise<BoundServer> {
  const server = createServer(answerStarting);
  servers.push(server);
  const port = await listen(server, wanted, host, describe);
  return { server, port, url: baseUrl(host, port) };
}
