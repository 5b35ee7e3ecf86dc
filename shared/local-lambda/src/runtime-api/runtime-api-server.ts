/**
 * The Lambda Runtime API for one execution environment: an HTTP server on its own ephemeral port
 * of 127.0.0.1, which the runtime finds in `AWS_LAMBDA_RUNTIME_API`. It keeps RAPID's runtime
 * state machine, so a runtime that misbehaves gets the answers it would get in Lambda.
 *
 * Source: aws-lambda-runtime-interface-emulator `internal/lambda/rapi/router.go`, `handler/*.go`,
 * `middleware/middleware.go`, `core/runtime_state_names.go` (spec §2.1–§2.4).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_PAYLOAD_BYTES } from '../defaults.js';
import { afterPendingReads, OpenConnections } from './arrival-order.js';
import type { RuntimeApiListener, RuntimeState } from './runtime-api-listener.js';
import {
  errorTypeHeader,
  readBody,
  safeDecode,
  sendAccepted,
  sendInternalServerError,
  sendInvalidRequestId,
  sendInvalidResponseMode,
  sendInvalidStateTransition,
  sendNotFound,
} from './runtime-api-render.js';
import { invalidResponseModeError, runtimeReportedError } from './runtime-errors.js';
import { eventHeaders, type RuntimeEvent } from './runtime-event.js';
import { RuntimeResponse } from './runtime-response.js';

export type { RuntimeApiListener } from './runtime-api-listener.js';
export type { RuntimeEvent } from './runtime-event.js';

const BASE = '/2018-06-01/runtime';
const INVOCATION_ROUTE = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/;

/**
 * One environment's Runtime API server.
 *
 * @example
 * ```ts
 * const api = new RuntimeApiServer(listener);
 * const address = await api.listen(); // '127.0.0.1:41234' → AWS_LAMBDA_RUNTIME_API
 * api.deliver(event); // answers the pending /next
 * ```
 */
export class RuntimeApiServer {
  private readonly server: Server;
  /** The runtime's connections: once they are all closed, everything it sent was read. */
  readonly connections: OpenConnections;
  private state: RuntimeState = 'Started';
  private currentId: string | undefined;
  private pendingNext: ServerResponse | undefined;

  constructor(private readonly listener: RuntimeApiListener) {
    this.server = createServer((req, res) => this.route(req, res));
    // A /next long poll and a streamed /response may last as long as the function's timeout.
    this.server.requestTimeout = 0;
    this.server.keepAliveTimeout = 0;
    this.server.on('clientError', (_error, socket) => socket.destroy());
    this.connections = new OpenConnections(this.server);
  }

  /** Starts listening on an ephemeral port; resolves to `127.0.0.1:<port>`. */
  listen(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        const { port } = this.server.address() as AddressInfo;
        resolve(`127.0.0.1:${port}`);
      });
    });
  }

  /** `true` while a `/next` waits for an event. */
  get waiting(): boolean {
    return this.pendingNext !== undefined && !this.pendingNext.destroyed;
  }

  /** Answers the pending `/next` with an event; `false` when no runtime is waiting. */
  deliver(event: RuntimeEvent): boolean {
    const res = this.pendingNext;
    if (!res || res.destroyed) return false;
    this.pendingNext = undefined;
    this.currentId = event.requestId;
    this.state = 'Running';
    res.writeHead(200, eventHeaders(event));
    res.end(event.payload);
    return true;
  }

  /** Stops the server and drops every connection. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private route(req: IncomingMessage, res: ServerResponse): void {
    req.on('error', () => {});
    res.on('error', () => {});
    // A fault here must cost one answer (RAPID's 500), never the emulator.
    const fail = () => sendInternalServerError(res);
    try {
      const done = this.dispatch(req, res);
      if (done) done.catch(fail);
    } catch {
      fail();
    }
  }

  private dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> | undefined {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const invocation = INVOCATION_ROUTE.exec(path);
    if (req.method === 'GET' && path === `${BASE}/invocation/next`) this.next(res);
    else if (req.method === 'POST' && path === `${BASE}/init/error`)
      return this.initError(req, res);
    else if (req.method === 'POST' && invocation) return this.invocation(req, res, invocation);
    else sendNotFound(res);
    return undefined;
  }

  private next(res: ServerResponse): void {
    // A runtime whose waiting /next connection broke may ask again.
    const again = this.state === 'Ready' && !this.waiting;
    if (this.state !== 'Started' && this.state !== 'RuntimeResponseSentState' && !again) {
      sendInvalidStateTransition(res, this.state, 'Ready');
      return;
    }
    this.state = 'Ready';
    this.pendingNext = res;
    this.listener.next();
  }

  private async initError(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.state !== 'Started') {
      sendInvalidStateTransition(res, this.state, 'InitError');
      return;
    }
    this.state = 'InitError';
    const body = await readBody(req, MAX_PAYLOAD_BYTES);
    sendAccepted(res);
    this.listener.initError(runtimeReportedError(body, errorTypeHeader(req)));
  }

  private invocation(
    req: IncomingMessage,
    res: ServerResponse,
    match: RegExpExecArray,
  ): Promise<void> | undefined {
    if (safeDecode(match[1] ?? '') !== this.currentId) sendInvalidRequestId(res);
    else if (match[2] === 'error') return this.invocationError(req, res);
    else this.invocationResponse(req, res);
    return undefined;
  }

  private invocationResponse(req: IncomingMessage, res: ServerResponse): void {
    if (this.state !== 'Running') {
      sendInvalidStateTransition(res, this.state, 'InvocationResponse');
      return;
    }
    const mode = req.headers['lambda-runtime-function-response-mode'];
    if (mode && mode !== 'streaming') {
      this.state = 'RuntimeResponseSentState';
      sendInvalidResponseMode(res);
      this.listener.error(invalidResponseModeError());
      return;
    }
    this.state = 'InvocationResponse';
    const markSent = () => {
      this.state = 'RuntimeResponseSentState';
    };
    this.listener.response(new RuntimeResponse(this.currentId ?? '', req, res, markSent));
  }

  private async invocationError(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A streamed /response the runtime sent first may not have been read yet.
    await afterPendingReads();
    if (this.state !== 'Running') {
      sendInvalidStateTransition(res, this.state, 'InvocationErrorResponse');
      return;
    }
    this.state = 'RuntimeResponseSentState';
    const body = await readBody(req, MAX_PAYLOAD_BYTES);
    sendAccepted(res);
    this.listener.error(runtimeReportedError(body, errorTypeHeader(req)));
  }
}
