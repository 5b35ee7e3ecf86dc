/**
 * The HTTP server of one REST API: `/<stage>/<path>` routed as API Gateway routes, auth checked
 * after routing, the proxy event (format 1.0) handed to the route's function, the answer
 * streamed or buffered per the route's transfer mode.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { splitTarget, toReceivedRequest } from '@lambda-streaming/streaming/protocol';
import { type LimitOptions, LOCAL_ACCOUNT_ID, MAX_PAYLOAD_BYTES } from '../../defaults.js';
import { BodyTooLargeError, readBody } from '../../http/read-body.js';
import { type InvocationService, TooManyRequestsError } from '../../invocations/contracts.js';
import { type Logger, silentLogger } from '../../logs/emulator-logger.js';
import type { SigV4Verifier } from '../../sigv4/verify-sigv4.js';
import { type RequestHook, runHooks } from '../request-hook.js';
import { newTraceId } from '../trace-header.js';
import type { LocalRestApi } from './local-rest-api.js';
import { bufferToRestResponse } from './rest-buffered.js';
import { buildRestEvent, type RestCaller, type RoutedRequest } from './rest-event.js';
import type { RestExchange, RestIds } from './rest-exchange.js';
import {
  authorizerNotEmulated,
  INVOKE_REFUSED,
  iamFailure,
  MISSING_TOKEN,
  sendGatewayError,
  TOO_LARGE,
} from './rest-responses.js';
import { RestRouter } from './rest-router.js';
import { streamToRestResponse } from './rest-stream.js';

/** API Gateway's request payload limit. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/** What a REST API server needs. */
export interface RestApiServerOptions {
  api: LocalRestApi;
  service: InvocationService;
  /** Checks signatures of `AWS_IAM` routes, service `execute-api`. */
  verify: SigV4Verifier;
  region: string;
  accountId?: string;
  logger?: Logger;
  /** Lambda's limit; API Gateway's own applies unless it is `false`. */
  bandwidthLimit?: LimitOptions['bandwidthLimit'];
  hooks?: readonly RequestHook<LocalRestApi>[];
}

type Context = RestApiServerOptions & { router: RestRouter; logger: Logger };

/**
 * Makes a server (already listening) serve one REST API.
 *
 * @param server - A server with no request handler of its own.
 * @param options - The API, invocations, verifier.
 * @returns The same server.
 * @example
 * ```ts
 * attachRestApiServer(boundServer, { api, service, verify, region: 'us-east-1' });
 * ```
 */
export function attachRestApiServer(server: Server, options: RestApiServerOptions): Server {
  const context = {
    ...options,
    router: new RestRouter(options.api.definition.routes),
    logger: options.logger ?? silentLogger,
  };
  server.on('request', (req, res) => {
    const ids = newIds();
    res.on('error', () => {});
    handle(req, res, ids, context).catch((error: unknown) => {
      context.logger.error(`${options.api.name}: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) sendGatewayError(res, ids, INVOKE_REFUSED);
      else res.destroy();
    });
  });
  server.on('connection', (socket) => socket.setNoDelay(true));
  return server;
}

function newIds(): RestIds {
  const extendedRequestId = `${randomBytes(11).toString('base64url').slice(0, 15)}=`;
  return { requestId: randomUUID(), extendedRequestId, traceId: newTraceId() };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function handle(req: IncomingMessage, res: ServerResponse, ids: RestIds, context: Context) {
  if (runHooks(context.hooks, req, res, context.api)) return;
  const receivedAt = new Date();
  const { rawPath, rawQuery } = splitTarget(req.url ?? '/');
  const [stage = '', ...rest] = rawPath.split('/').slice(1);
  const segments = rest.filter((segment) => segment !== '').map(decode);
  const routable = context.api.definition.stages.includes(stage);
  const match = routable ? context.router.match(segments, req.method ?? 'GET') : undefined;
  let body: Buffer;
  try {
    body = await readBody(req, MAX_REQUEST_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    res.setHeader('Connection', 'close');
    return sendGatewayError(res, ids, TOO_LARGE);
  }
  if (!match) return sendGatewayError(res, ids, MISSING_TOKEN);
  const caller = await authorize(req, res, body, ids, { ...context, match });
  if (caller === false) return;
  const path = `/${rest.join('/')}`;
  const accountId = context.accountId ?? LOCAL_ACCOUNT_ID;
  const routed: RoutedRequest = {
    req,
    body,
    api: context.api,
    stage,
    path,
    rawQuery,
    match,
    ids,
    accountId,
    receivedAt,
  };
  if (caller) routed.caller = caller;
  await invoke(routed, res, context);
}

async function authorize(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  ids: RestIds,
  context: Context & { match: NonNullable<ReturnType<RestRouter['match']>> },
): Promise<RestCaller | undefined | false> {
  const { auth } = context.match.route;
  if (auth.type === 'NONE') return undefined;
  if (auth.type === 'UNSUPPORTED') {
    sendGatewayError(res, ids, authorizerNotEmulated(auth.reason));
    return false;
  }
  const result = await context.verify(toReceivedRequest(req, body));
  if (result.ok)
    return { accessKey: result.accessKeyId, accountId: context.accountId ?? LOCAL_ACCOUNT_ID };
  sendGatewayError(res, ids, iamFailure(result.failure));
  return false;
}

async function invoke(routed: RoutedRequest, res: ServerResponse, context: Context): Promise<void> {
  const { route } = routed.match;
  const fn = context.service.getFunction(route.functionName);
  const payload = buildRestEvent(routed);
  if (!fn || payload.length > MAX_PAYLOAD_BYTES)
    return sendGatewayError(res, routed.ids, INVOKE_REFUSED);
  const streamed = route.transferMode === 'STREAM';
  const exchange: RestExchange = {
    req: routed.req,
    res,
    api: context.api,
    route,
    ids: routed.ids,
    logger: context.logger,
    bandwidthLimit: context.bandwidthLimit ?? true,
  };
  let handle: ReturnType<InvocationService['invoke']>;
  try {
    handle = context.service.invoke({
      functionName: fn.name,
      payload,
      invokedFunctionArn: fn.arn,
      delivery: streamed ? 'stream' : 'buffer',
      requestId: randomUUID(),
    });
  } catch (error) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    return sendGatewayError(res, routed.ids, INVOKE_REFUSED);
  }
  await (streamed
    ? streamToRestResponse(exchange, handle)
    : bufferToRestResponse(exchange, handle));
}
