/**
 * The streamed `/response` POST (RIC `src/ResponseStream.js` `createResponseStream`): a
 * chunked HTTP request to the Runtime API whose body the handler writes, with the
 * `Lambda-Runtime-Function-Response-Mode: streaming` header and the two error trailers
 * declared up front (spec §2.3).
 */
import http from 'node:http';
import net from 'node:net';
import {
  applyResponseStreamSemantics,
  DEFAULT_STREAM_CONTENT_TYPE,
  ERROR_BODY_TRAILER,
  ERROR_TYPE_TRAILER,
  formatRuntimeError,
  type HandlerStreamView,
  handlerStreamView,
  type NodeRuntime,
  RESPONSE_MODE_HEADER,
} from '@lambda-streaming/streaming/wire';
import { toHeaderValue } from './header-value.js';

/** Where to POST and with which agent. */
export interface StreamingResponseOptions {
  agent: http.Agent;
  hostname: string;
  port: number;
  /** `/2018-06-01/runtime/invocation/{id}/response` */
  path: string;
  /** `streamifyResponse(handler, { highWaterMark })`: used for the socket, as RIC does. */
  highWaterMark?: number;
  /** Whose stream semantics and error reports to apply. */
  runtime: NodeRuntime;
}

/** A streamed response in progress. */
export interface StreamingResponse {
  /** What the handler writes to. */
  responseStream: HandlerStreamView;
  /** Resolves when the Runtime API has answered the POST, i.e. after the body ended. */
  responseDone: Promise<void>;
  /** Sends the error as trailers and ends the body (RIC's `fail` weak property). */
  fail(error: unknown, callback: () => void): void;
}

/**
 * Creates the request (its headers leave with the first write or `end()`) and the handler's
 * view of it.
 *
 * @param options - Target and agent.
 * @returns The stream, a promise for the Runtime API's answer, and `fail`.
 * @example
 * ```ts
 * const { responseStream, responseDone, fail } = createStreamingResponse(options);
 * ```
 */
export function createStreamingResponse(options: StreamingResponseOptions): StreamingResponse {
  setSocketHighWaterMark(options.agent, options.highWaterMark);
  const { request, responseDone } = openRequest(options);
  return {
    responseStream: toHandlerStream(request, options.runtime),
    responseDone,
    fail: (error, callback) => failWithTrailers(request, error, options.runtime, callback),
  };
}

/**
 * The POST, not sent yet; `responseDone` settles with the Runtime API's answer. As in RIC, a
 * second promise follows the answer's headers and nothing ever awaits it: any request error
 * (a pipeline that destroys the stream, a write after end, a connection the Runtime API cut)
 * rejects it unhandled, and the runtime's `unhandledRejection` listener reports the error and
 * exits with 128. `responseDone` is only awaited once the handler returned, so its rejection
 * goes unhandled too when the handler failed first.
 */
function openRequest(options: StreamingResponseOptions) {
  const response = deferred();
  const headers = deferred();
  const request = http.request(
    {
      method: 'POST',
      hostname: options.hostname,
      port: options.port,
      path: options.path,
      agent: options.agent,
      headers: {
        [RESPONSE_MODE_HEADER]: 'streaming',
        // Two `Trailer:` lines, as RIC sends them.
        Trailer: [ERROR_TYPE_TRAILER, ERROR_BODY_TRAILER],
        'Content-Type': DEFAULT_STREAM_CONTENT_TYPE,
      },
    },
    (answer) => {
      headers.resolve();
      answer.on('data', () => {});
      // RIC rejects with the event's (absent) argument and registers no 'error' listener.
      answer.on('aborted', () => {
        response.reject(undefined);
        request.destroy();
      });
      answer.on('end', () => response.resolve());
    },
  );
  request.on('error', (error) => {
    headers.reject(error);
    response.reject(error);
    request.destroy(error);
  });
  return { request, responseDone: response.promise };
}

/** A promise with its settle functions. */
function deferred() {
  let resolve: () => void = () => {};
  let reject: (reason: unknown) => void = () => {};
  const promise = new Promise<void>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

/** RIC replaces the agent's connection factory so the socket gets the handler's highWaterMark. */
function setSocketHighWaterMark(agent: http.Agent, highWaterMark: number | undefined): void {
  const withHighWaterMark = (connectOptions: object, listener?: () => void) =>
    net.createConnection(
      { ...connectOptions, highWaterMark } as unknown as net.NetConnectOpts,
      listener,
    );
  (agent as unknown as { createConnection: typeof withHighWaterMark }).createConnection =
    withHighWaterMark;
}

/**
 * The runtime's `write`/`end`/`setContentType` on the request itself (its `end` takes a single
 * argument on `nodejs22.x`, all of them on `nodejs24.x`; `end(data)` skips the first-write hook,
 * RIC issue #97), then the whitelisted view the handler gets (`writable` read-only on 4.x).
 */
function toHandlerStream(request: http.ClientRequest, runtime: NodeRuntime): HandlerStreamView {
  const stream = applyResponseStreamSemantics(
    request,
    (contentType) => request.setHeader('Content-Type', contentType),
    runtime,
  );
  return handlerStreamView(stream, runtime);
}

function failWithTrailers(
  request: http.ClientRequest,
  error: unknown,
  runtime: NodeRuntime,
  callback: () => void,
) {
  const rapidError = formatRuntimeError(error, runtime);
  request.addTrailers({
    [ERROR_TYPE_TRAILER]: toHeaderValue(rapidError.errorType),
    [ERROR_BODY_TRAILER]: Buffer.from(JSON.stringify(rapidError)).toString('base64'),
  });
  request.end(callback);
}
