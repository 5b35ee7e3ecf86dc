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
import { HeldNext } from './held-next.js';
import {
  errorTypeHeader,
  readBody,
  sendAccepted,
  sendInternalServerError,
  sendInvalidRequestId,
  sendInvalidResponseMode,
  sendInvalidStateTransition,
  sendNotFound,
} from './runtime-api-render.js';
import { matchRuntimeRoute } from './runtime-api-routes.js';
import { type InitOutcome, PendingCall, Readiness, type RuntimeCall } from './runtime-call.js';
import { invalidResponseModeError, runtimeReportedError } from './runtime-errors.js';
import { eventHeaders, type RuntimeEvent } from './runtime-event.js';
import { RuntimeResponse } from './runtime-response.js';
import type { RuntimeState } from './runtime-states.js';

export type { RuntimeEvent } from './runtime-event.js';

/**
 * One environment's Runtime API server. What the runtime does comes back as promises: the end of
 * Init from {@link RuntimeApiServer.whenReady}, the answer to an event from
 * {@link RuntimeApiServer.deliver}.
 *
 * @example
 * ```ts
 * const api = new RuntimeApiServer();
 * const address = await api.listen(); // '127.0.0.1:41234' → AWS_LAMBDA_RUNTIME_API
 * await api.whenReady(); // { kind: 'ready' }: the runtime waits at /next
 * const call = api.deliver(event); // answers the pending /next
 * const answer = await call?.answer; // { kind: 'response', response } or { kind: 'error', error }
 * ```
 */
export class RuntimeApiServer {
  private readonly server: Server;
  /** The runtime's connections: once they are all closed, everything it sent was read. */
  readonly connections: OpenConnections;
  private readonly readiness = new Readiness();
  private state: RuntimeState = 'Started';
  private currentId: string | undefined;
  private pendingNext: ServerResponse | undefined;
  private readonly heldNext = new HeldNext();
  private call: PendingCall | undefined;

  constructor() {
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

  /** `performance.now()` of the runtime's first `/next`: where its Init ended. */
  get firstNextAt(): number | undefined {
    return this.readiness.firstNextAt;
  }

  /** Resolves when the runtime waits at `/next` (at once if it does now), or with its Init error. */
  whenReady(): Promise<InitOutcome> {
    return this.readiness.wait(this.waiting);
  }

  /** Answers the pending `/next` with an event; `undefined` when no runtime is waiting. */
  deliver(event: RuntimeEvent): RuntimeCall | undefined {
    const res = this.pendingNext;
    if (!res || res.destroyed) return undefined;
    this.pendingNext = undefined;
    this.currentId = event.requestId;
    this.state = 'Running';
    this.call = new PendingCall();
    res.writeHead(200, eventHeaders(event));
    res.end(event.payload);
    return this.call;
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
    const route = matchRuntimeRoute(req.method, req.url);
    if (!route) sendNotFound(res);
    else if (route.name === 'next') this.next(res);
    else if (route.name === 'init-error') return this.initError(req, res);
    else if (route.requestId !== this.currentId) sendInvalidRequestId(res);
    else if (route.name === 'error') return this.invocationError(req, res);
    else this.invocationResponse(req, res);
    return undefined;
  }

  private next(res: ServerResponse): void {
    if (this.heldNext.hold(this.state, res)) return;
    // A runtime whose waiting /next connection broke may ask again.
    const again = this.state === 'Ready' && !this.waiting;
    if (this.state !== 'Started' && this.state !== 'RuntimeResponseSentState' && !again) {
      sendInvalidStateTransition(res, this.state, 'Ready');
      return;
    }
    this.state = 'Ready';
    this.pendingNext = res;
    this.call?.nextCalled();
    this.readiness.atNext();
  }

  private async initError(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.state !== 'Started') {
      sendInvalidStateTransition(res, this.state, 'InitError');
      return;
    }
    this.state = 'InitError';
    const body = await readBody(req, MAX_PAYLOAD_BYTES);
    sendAccepted(res);
    this.readiness.initFailed(runtimeReportedError(body, errorTypeHeader(req)));
  }

  private invocationResponse(req: IncomingMessage, res: ServerResponse): void {
    if (this.state !== 'Running') {
      sendInvalidStateTransition(res, this.state, 'InvocationResponse');
      return;
    }
    const mode = req.headers['lambda-runtime-function-response-mode'];
    if (mode && mode !== 'streaming') {
      sendInvalidResponseMode(res);
      this.call?.answered({ kind: 'error', error: invalidResponseModeError() });
      this.responseSent();
      return;
    }
    this.state = 'InvocationResponse';
    const response = new RuntimeResponse(this.currentId ?? '', req, res, () => this.responseSent());
    this.call?.answered({ kind: 'response', response });
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
    this.call?.answered({ kind: 'error', error: runtimeReportedError(body, errorTypeHeader(req)) });
    this.responseSent();
  }

  /** The invocation is over: `/next` is allowed again, and an early one is served now. */
  private responseSent(): void {
    this.state = 'RuntimeResponseSentState';
    const early = this.heldNext.take();
    if (early) this.next(early);
  }
}
