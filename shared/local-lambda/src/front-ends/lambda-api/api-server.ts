import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { splitTarget } from '@lambda-streaming/streaming/protocol';
import { LOCAL_ACCOUNT_ID, MAX_PAYLOAD_BYTES } from '../../defaults.js';
import { BodyTooLargeError, HeldBytesExceededError } from '../../http/read-body.js';
import { readSignedBody } from '../../http/read-signed-body.js';
import {
  applyServerLimits,
  onRefusedConnection,
  type ServerBounds,
} from '../../http/server-limits.js';
import type { InvocationService } from '../../invocations/contracts.js';
import { type QueueClock, systemClock } from '../../invocations/events/queue-clock.js';
import { type Logger, silentLogger } from '../../logs/emulator-logger.js';
import type { SigV4Verifier } from '../../sigv4/verify-sigv4.js';
import { type RequestHook, runHooks } from '../request-hook.js';
import type { ApiCall, ApiContext, ErrorDetailsFormat } from './api-context.js';
import { answerApiPreflight, applyApiCors, isPreflight } from './api-cors.js';
import {
  ApiError,
  authenticationError,
  requestTooLarge,
  sendApiError,
  serviceException,
  tooManyRequests,
  unknownOperation,
} from './api-error.js';
import {
  getFunction,
  getFunctionConfiguration,
  getFunctionUrlConfig,
  listFunctions,
  listFunctionUrlConfigs,
} from './discovery.js';
import { invoke } from './invoke.js';
import { createEventQueue } from './invoke-event.js';
import { invokeWithResponseStream } from './invoke-stream.js';
import { matchRoute, type Operation } from './routes.js';

/** What the Lambda API server needs. */
export interface ApiServerOptions {
  service: InvocationService;
  region: string;
  /** Checks every request's SigV4 signature. */
  verify: SigV4Verifier;
  accountId?: string;
  logger?: Logger;
  /** `InvokeComplete.ErrorDetails` content; `message` by default (UNCONFIRMED, spec §3.6). */
  errorDetails?: ErrorDetailsFormat;
  /** `LastModified` of the functions; now by default. */
  loadedAt?: Date;
  /** The clock of the `Event` queue's waits; the system's by default (tests pass a manual one). */
  eventClock?: QueueClock;
  /** Bounds on what unauthenticated clients hold; Lambda-sized defaults (`defaults.ts`). */
  bounds?: ServerBounds;
  /** Plug-ins' routes (the dashboard's `GET /`, `GET /dashboard/*`), tried before the API's. */
  hooks?: readonly RequestHook[];
}

/** Past the bounds on unauthenticated clients: the 429 the SDKs back off and retry on. */
const OVER_BOUNDS = tooManyRequests('Rate Exceeded.', 'CallerRateLimitExceeded');
const API_CONNECTION_REFUSAL = { ...OVER_BOUNDS, reason: 'Too Many Requests' };

type OperationHandler = (call: ApiCall, context: ApiContext) => void | Promise<void>;

const OPERATIONS: Record<Operation, OperationHandler> = {
  Invoke: invoke,
  InvokeWithResponseStream: invokeWithResponseStream,
  ListFunctions: listFunctions,
  GetFunction: getFunction,
  GetFunctionConfiguration: getFunctionConfiguration,
  GetFunctionUrlConfig: getFunctionUrlConfig,
  ListFunctionUrlConfigs: listFunctionUrlConfigs,
};

/**
 * Creates the Lambda API server (not yet listening): the real routes and shapes, so the AWS SDKs
 * and CLIs work against it with `--endpoint-url`. Every route requires SigV4.
 *
 * @param options - Invocations, region, verifier.
 * @returns An HTTP server; call `listen` on it.
 * @example
 * ```ts
 * const server = createApiServer({ service, region: 'us-east-1', verify });
 * server.listen(3000, '127.0.0.1');
 * ```
 */
export function createApiServer(options: ApiServerOptions): Server {
  return attachApiServer(createServer(), options);
}

/**
 * Makes a server (one already listening, whose port is known) the Lambda API.
 *
 * @param server - A server with no request handler of its own.
 * @param options - Invocations, region, verifier, hooks.
 * @returns The same server.
 * @example
 * ```ts
 * attachApiServer(boundServer, { service, region: 'us-east-1', verify });
 * ```
 */
export function attachApiServer(server: Server, options: ApiServerOptions): Server {
  const logger = options.logger ?? silentLogger;
  const context: ApiContext = {
    service: options.service,
    region: options.region,
    accountId: options.accountId ?? LOCAL_ACCOUNT_ID,
    logger,
    errorDetails: options.errorDetails ?? 'message',
    loadedAt: options.loadedAt ?? new Date(),
    events: createEventQueue(options.service, logger, options.eventClock ?? systemClock),
  };
  server.on('close', () => context.events.close());
  applyServerLimits(server, API_CONNECTION_REFUSAL, options.bounds?.maxConnections);
  server.on('request', (req, res) => {
    if (onRefusedConnection(req)) return;
    if (runHooks(options.hooks, req, res, undefined)) return;
    handleRequest(req, res, context, options).catch((error: unknown) => {
      context.logger.error(`Lambda API: ${(error as Error).stack ?? String(error)}`);
      res.destroy();
    });
  });
  server.on('connection', (socket) => socket.setNoDelay(true));
  return server;
}

async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  context: ApiContext,
  options: ApiServerOptions,
): Promise<void> {
  const requestId = randomUUID();
  res.on('error', () => {});
  applyApiCors(req, res);
  if (isPreflight(req)) return answerApiPreflight(req, res);
  try {
    const held = options.bounds?.heldBytes;
    const signed = await readSignedBody(req, options.verify, MAX_PAYLOAD_BYTES, held);
    if (!signed.ok) throw authenticationError(signed.failure);
    await dispatch(req, res, signed.body, requestId, context);
  } catch (error) {
    answerError(res, error, requestId, context);
  }
}

async function dispatch(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  requestId: string,
  context: ApiContext,
): Promise<void> {
  const method = req.method ?? 'GET';
  const { rawPath, rawQuery } = splitTarget(req.url ?? '/');
  const match = matchRoute(method, rawPath);
  if (!match) throw unknownOperation(method, rawPath);
  const query = new URLSearchParams(rawQuery);
  const call = { req, res, body, requestId, functionName: match.functionName ?? '', query };
  await OPERATIONS[match.operation](call, context);
}

function answerError(res: ServerResponse, error: unknown, requestId: string, context: ApiContext) {
  if (error instanceof ApiError) return sendApiError(res, error, requestId);
  if (error instanceof BodyTooLargeError) {
    res.setHeader('Connection', 'close');
    return sendApiError(res, requestTooLarge(), requestId);
  }
  if (error instanceof HeldBytesExceededError) {
    res.setHeader('Connection', 'close');
    return sendApiError(res, OVER_BOUNDS, requestId);
  }
  if (res.req?.complete === false) return; // the client went away while sending
  context.logger.error(
    `Lambda API request ${requestId}: ${(error as Error).stack ?? String(error)}`,
  );
  if (res.headersSent) res.destroy();
  else
    sendApiError(res, serviceException('An internal error occurred in local-lambda.'), requestId);
}
