import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { LOCAL_ACCOUNT_ID, MAX_PAYLOAD_BYTES } from '../../defaults.js';
import type { LocalFunction, LocalFunctionUrl } from '../../functions/local-function.js';
import { BodyTooLargeError, HeldBytesExceededError, readBody } from '../../http/read-body.js';
import { readSignedBody } from '../../http/read-signed-body.js';
import {
  applyServerLimits,
  onRefusedConnection,
  type ServerBounds,
} from '../../http/server-limits.js';
import {
  type InvocationHandle,
  type InvocationService,
  TooManyRequestsError,
} from '../../invocations/contracts.js';
import { type Logger, silentLogger } from '../../logs/emulator-logger.js';
import type { SigV4Verifier } from '../../sigv4/verify-sigv4.js';
import { type RequestHook, runHooks } from '../request-hook.js';
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
  /** The function, with its URL. */
  fn: LocalFunction;
  service: InvocationService;
  /** Checks signatures for `AWS_IAM` URLs. */
  verify: SigV4Verifier;
  accountId?: string;
  logger?: Logger;
  errorMode?: UrlErrorMode;
  /** Bounds on what unauthenticated clients hold; Lambda-sized defaults (`defaults.ts`). */
  bounds?: ServerBounds;
  /**
   * Plug-ins' handlers, tried before the URL's own: the dashboard's lets its page (and only it)
   * read the responses of a URL without `Cors` (emulator-only).
   */
  hooks?: readonly RequestHook<LocalFunction>[];
}

/** A connection beyond the ceiling: a function URL's throttle. */
const URL_CONNECTION_REFUSAL = {
  status: 429,
  reason: 'Too Many Requests',
  errorType: 'TooManyRequestsException',
  body: { Message: 'Rate Exceeded.' },
};

/** The options, with the URL and the logger resolved. */
type UrlServerContext = FunctionUrlServerOptions & { url: LocalFunctionUrl; logger: Logger };

/**
 * Creates the HTTP server of one function URL (not yet listening): every path and method goes
 * to the function as a payload 2.0 event; `AWS_IAM` URLs require SigV4; CORS preflights are
 * answered from the URL's configuration; the response is streamed or buffered per `InvokeMode`.
 *
 * @param options - Function (with its URL), invocations, verifier.
 * @returns An HTTP server; call `listen` on it.
 * @example
 * ```ts
 * const server = createFunctionUrlServer({ fn, service, verify });
 * server.listen(3001, '127.0.0.1');
 * ```
 */
export function createFunctionUrlServer(options: FunctionUrlServerOptions): Server {
  return attachFunctionUrlServer(createServer(), options);
}

/**
 * Makes a server (one already listening on the port its URL names) the function's URL.
 *
 * @param server - A server with no request handler of its own.
 * @param options - Function (with its URL), invocations, verifier, hooks.
 * @returns The same server.
 * @throws Error when the function has no URL.
 * @example
 * ```ts
 * attachFunctionUrlServer(boundServer, { fn, service, verify });
 * ```
 */
export function attachFunctionUrlServer(server: Server, options: FunctionUrlServerOptions): Server {
  const { fn } = options;
  if (!fn.url) throw new Error(`${fn.name} has no function URL`);
  const context = { ...options, url: fn.url, logger: options.logger ?? silentLogger };
  applyServerLimits(server, URL_CONNECTION_REFUSAL, options.bounds?.maxConnections);
  server.on('request', (req, res) => {
    if (onRefusedConnection(req)) return;
    handleRequest(req, res, context).catch((error: unknown) => {
      context.logger.error(`${fn.name} URL: ${(error as Error).stack ?? String(error)}`);
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
  context: UrlServerContext,
): Promise<void> {
  const requestId = randomUUID();
  const traceId = newTraceId();
  res.on('error', () => {});
  if (runHooks(context.hooks, req, res, context.fn)) return;
  if (isUrlPreflight(req, context.url.cors)) {
    const headers = { 'x-amzn-RequestId': requestId, 'X-Amzn-Trace-Id': traceId };
    answerUrlPreflight(req, res, context.url.cors, headers);
    return;
  }
  const read = await readBodyOrAnswer(req, res, context, requestId);
  if (!read) return;
  const { fn, logger } = context;
  const errorMode = context.errorMode ?? 'abort';
  const exchange = { req, res, fn, requestId, traceId, logger, errorMode };
  await invokeAndAnswer(exchange, read.body, read.caller, context);
}

/** Starts the invocation with the URL's event and answers from it, streamed or buffered. */
async function invokeAndAnswer(
  exchange: UrlExchange,
  body: Buffer,
  caller: UrlCaller | undefined,
  options: UrlServerContext,
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

/**
 * Reads the body of an authenticated (or `NONE`) request; answers the 403, 413 or 429 itself.
 * @returns The body and the caller (`undefined` for `NONE`), or `undefined` once answered.
 */
async function readBodyOrAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  options: UrlServerContext,
  requestId: string,
): Promise<{ body: Buffer; caller: UrlCaller | undefined } | undefined> {
  try {
    if (options.url.authType === 'NONE') {
      return { body: await readBody(req, MAX_PAYLOAD_BYTES), caller: undefined };
    }
    const held = options.bounds?.heldBytes;
    const signed = await readSignedBody(req, options.verify, MAX_PAYLOAD_BYTES, held);
    if (!signed.ok) {
      sendUrlAuthFailure(res, signed.failure, requestId);
      return undefined;
    }
    const accountId = options.accountId ?? LOCAL_ACCOUNT_ID;
    return { body: signed.body, caller: { accessKey: signed.accessKeyId, accountId } };
  } catch (error) {
    if (error instanceof BodyTooLargeError) sendPayloadTooLarge(res, requestId);
    if (error instanceof HeldBytesExceededError) {
      res.setHeader('Connection', 'close');
      sendThrottled(res, requestId);
    }
    return undefined;
  }
}
