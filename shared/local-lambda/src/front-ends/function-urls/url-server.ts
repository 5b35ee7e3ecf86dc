import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { answerDashboardCors } from '../../dashboard/server/dashboard-cors.js';
import { LOCAL_ACCOUNT_ID, MAX_PAYLOAD_BYTES } from '../../defaults.js';
import type { LocalFunction, LocalFunctionUrl } from '../../functions/local-function.js';
import { BodyTooLargeError, readBody } from '../../http/read-body.js';
import {
  type InvocationHandle,
  type InvocationService,
  TooManyRequestsError,
} from '../../invocations/contracts.js';
import { type Logger, silentLogger } from '../../logs/emulator-logger.js';
import { toReceivedRequest } from '../../sigv4/received-request.js';
import type { SigV4Verifier } from '../../sigv4/verify-sigv4.js';
import { bufferToUrlResponse } from './buffered-response.js';
import { streamToUrlResponse } from './stream-response.js';
import { answerUrlPreflight, isUrlPreflight } from './url-cors.js';
import {
  sendBadGateway,
  sendPayloadTooLarge,
  sendThrottled,
  sendUrlAuthFailure,
} from './url-errors.js';
import { buildUrlEvent, newTraceId, type UrlCaller } from './url-event.js';
import type { UrlErrorMode, UrlExchange } from './url-exchange.js';

/** What a function URL server needs. */
export interface FunctionUrlServerOptions {
  fn: LocalFunction;
  /** The URL's settings; `fn.url` may not be set yet when the server is created. */
  url: Pick<LocalFunctionUrl, 'authType' | 'invokeMode' | 'cors'>;
  service: InvocationService;
  /** Checks signatures for `AWS_IAM` URLs. */
  verify: SigV4Verifier;
  accountId?: string;
  logger?: Logger;
  errorMode?: UrlErrorMode;
  /**
   * The dashboard's exact origins (known once the API listens): a URL without `Cors` lets that
   * page, and only it, read its responses (emulator-only; see `answerDashboardCors`).
   */
  dashboardOrigins?: () => readonly string[];
}

/**
 * Creates the HTTP server of one function URL (not yet listening): every path and method goes
 * to the function as a payload 2.0 event; `AWS_IAM` URLs require SigV4; CORS preflights are
 * answered from the URL's configuration; the response is streamed or buffered per `InvokeMode`.
 *
 * @param options - Function, URL settings, core, verifier.
 * @returns An HTTP server; call `listen` on it.
 * @example
 * ```ts
 * const server = createFunctionUrlServer({ fn, url: fn.url, service, verify });
 * server.listen(3001, '127.0.0.1');
 * ```
 */
export function createFunctionUrlServer(options: FunctionUrlServerOptions): Server {
  const logger = options.logger ?? silentLogger;
  const server = createServer((req, res) => {
    handleRequest(req, res, options, logger).catch((error: unknown) => {
      logger.error(`${options.fn.name} URL: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) sendBadGateway(res, 'unknown');
      else res.destroy();
    });
  });
  server.on('connection', (socket) => socket.setNoDelay(true));
  return server;
}

async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: FunctionUrlServerOptions,
  logger: Logger,
): Promise<void> {
  const requestId = randomUUID();
  const traceId = newTraceId();
  res.on('error', () => {});
  const dashboard = options.dashboardOrigins?.() ?? [];
  if (!options.url.cors && answerDashboardCors(req, res, dashboard)) return;
  if (isUrlPreflight(req, options.url.cors)) {
    const headers = { 'x-amzn-RequestId': requestId, 'X-Amzn-Trace-Id': traceId };
    answerUrlPreflight(req, res, options.url.cors, headers);
    return;
  }
  const body = await readBodyOrAnswer(req, res, requestId);
  if (!body) return;
  const caller = await authenticate(req, res, body, options, requestId);
  if (caller === false) return;
  const errorMode = options.errorMode ?? 'abort';
  const exchange = { req, res, fn: options.fn, requestId, traceId, logger, errorMode };
  await invokeAndAnswer(exchange, body, caller, options);
}

/** Starts the invocation with the URL's event and answers from it, streamed or buffered. */
async function invokeAndAnswer(
  exchange: UrlExchange,
  body: Buffer,
  caller: UrlCaller | undefined,
  options: FunctionUrlServerOptions,
): Promise<void> {
  const { fn, requestId, traceId } = exchange;
  const accountId = options.accountId ?? LOCAL_ACCOUNT_ID;
  const context = { functionArn: fn.arn, accountId, requestId, traceId };
  const payload = buildUrlEvent(exchange.req, body, caller ? { ...context, caller } : context);
  const streamed = options.url.invokeMode === 'RESPONSE_STREAM';
  const delivery = streamed ? 'stream' : 'buffer';
  let handle: InvocationHandle;
  try {
    handle = options.service.invoke({
      functionName: fn.name,
      payload,
      invokedFunctionArn: fn.arn,
      delivery,
      requestId,
    });
  } catch (error) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    sendThrottled(exchange.res, requestId);
    return;
  }
  await (streamed ? streamToUrlResponse(exchange, handle) : bufferToUrlResponse(exchange, handle));
}

async function readBodyOrAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
): Promise<Buffer | undefined> {
  try {
    return await readBody(req, MAX_PAYLOAD_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) sendPayloadTooLarge(res, requestId);
    return undefined;
  }
}

/** @returns The caller for `AWS_IAM`, `undefined` for `NONE`, `false` once a 403 is sent. */
async function authenticate(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  options: FunctionUrlServerOptions,
  requestId: string,
): Promise<UrlCaller | undefined | false> {
  if (options.url.authType === 'NONE') return undefined;
  const result = await options.verify(toReceivedRequest(req, body));
  if (result.ok)
    return { accessKey: result.accessKeyId, accountId: options.accountId ?? LOCAL_ACCOUNT_ID };
  sendUrlAuthFailure(res, result.failure, requestId);
  return false;
}
