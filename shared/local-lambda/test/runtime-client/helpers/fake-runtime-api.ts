/**
 * A small Runtime API (spec §2) for the runtime's tests: serves queued events on `/next` and
 * records what the runtime posts, each record stamped with a global arrival sequence number so
 * tests assert order, never time. Test-only routes let fixtures signal the test (see
 * `test-signals.ts`).
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { QueuedInvocation, RecordedError, RecordedResponse } from './runtime-api-records.js';
import { TestSignals } from './test-signals.js';

export { bodyOf, errorBodyTrailer } from './runtime-api-records.js';

const PREFIX = '/2018-06-01/runtime';

/** The fake API; `start()` it, point `AWS_LAMBDA_RUNTIME_API` at `address`, `close()` it. */
export class FakeRuntimeApi {
  readonly responses = new Map<string, RecordedResponse>();
  readonly errors: RecordedError[] = [];
  readonly initErrors: RecordedError[] = [];
  /** Sequence number of each `/next` request, in arrival order. */
  readonly nextPolls: number[] = [];
  readonly #events = new EventEmitter();
  readonly #queue: QueuedInvocation[] = [];
  readonly #parkedNext: http.ServerResponse[] = [];
  readonly #signals = new TestSignals(
    () => this.#stamp(),
    () => this.#changed(),
  );
  #seq = 0;
  #requestCount = 0;

  private constructor(readonly server: http.Server) {}

  static async start(): Promise<FakeRuntimeApi> {
    const server = http.createServer();
    const api = new FakeRuntimeApi(server);
    server.on('request', (req, res) => api.#route(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return api;
  }

  /** `host:port`, the value of `AWS_LAMBDA_RUNTIME_API`. */
  get address(): string {
    const { port } = this.server.address() as AddressInfo;
    return `127.0.0.1:${port}`;
  }

  /** Queues an event; returns its request id. */
  enqueue(invocation: QueuedInvocation = {}): string {
    this.#requestCount += 1;
    const requestId = invocation.requestId ?? `req-${this.#requestCount}`;
    this.#queue.push({ ...invocation, requestId });
    this.#serveQueue();
    return requestId;
  }

  /** What fixtures marked (`mark(name)` in `signal.mjs`), in arrival order. */
  get marks(): readonly { name: string; seq: number }[] {
    return this.#signals.marks;
  }

  /** Answers the fixture's `waitForRelease(name)`, now or when it comes. */
  release(name: string): void {
    this.#signals.release(name);
  }

  /** Resolves with the probe's first truthy value, re-checked whenever something arrives. */
  waitFor<T>(
    probe: () => T | undefined | null | false,
    what: string,
    timeoutMs = 10_000,
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (!value) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.#events.off('change', check);
      };
      this.#events.on('change', check);
      check();
    });
  }

  /** Waits until the `/response` of `requestId` has ended. */
  waitForResponse(requestId: string): Promise<RecordedResponse> {
    return this.waitFor(() => {
      const response = this.responses.get(requestId);
      return response?.endSeq !== undefined && response;
    }, `the end of /response ${requestId}`);
  }

  async close(): Promise<void> {
    for (const res of this.#parkedNext) res.destroy();
    this.#signals.close();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  #stamp(): number {
    this.#seq += 1;
    return this.#seq;
  }

  #changed(): void {
    this.#events.emit('change');
  }

  #route(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = req.url ?? '';
    const invocation = url.match(/^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/);
    if (req.method === 'GET' && url === `${PREFIX}/invocation/next`) this.#next(res);
    else if (invocation?.[2] === 'response')
      this.#response(decodeURIComponent(invocation[1] ?? ''), req, res);
    else if (invocation?.[2] === 'error')
      this.#error(decodeURIComponent(invocation[1] ?? ''), req, res);
    else if (url === `${PREFIX}/init/error`) this.#error(undefined, req, res);
    else if (!this.#signals.handle(url, res)) res.writeHead(404).end();
  }

  #next(res: http.ServerResponse): void {
    this.nextPolls.push(this.#stamp());
    this.#parkedNext.push(res);
    this.#serveQueue();
    this.#changed();
  }

  #serveQueue(): void {
    while (this.#queue.length > 0 && this.#parkedNext.length > 0) {
      const invocation = this.#queue.shift() as QueuedInvocation;
      const res = this.#parkedNext.shift() as http.ServerResponse;
      res.writeHead(200, {
        'Lambda-Runtime-Aws-Request-Id': invocation.requestId,
        'Lambda-Runtime-Deadline-Ms': String(invocation.deadlineMs ?? Date.now() + 3000),
        'Lambda-Runtime-Invoked-Function-Arn':
          'arn:aws:lambda:us-east-1:123456789012:function:test-fn',
        'Lambda-Runtime-Trace-Id': 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1',
        'Content-Type': 'application/json',
        ...invocation.headers,
      });
      res.end(JSON.stringify(invocation.event ?? {}));
    }
  }

  #response(requestId: string, req: http.IncomingMessage, res: http.ServerResponse): void {
    const record: RecordedResponse = {
      requestId,
      seq: this.#stamp(),
      headers: req.headers,
      rawHeaders: req.rawHeaders,
      chunks: [],
      trailers: {},
      aborted: false,
    };
    this.responses.set(requestId, record);
    req.on('data', (data: Buffer) => {
      record.chunks.push({ seq: this.#stamp(), data });
      this.#changed();
    });
    req.on('end', () => {
      // Node exposes the trailers once the body has ended.
      record.trailers = req.trailers as Record<string, string>;
      record.endSeq = this.#stamp();
      res.writeHead(202, { 'Content-Type': 'application/json' }).end('{"status":"OK"}');
      this.#changed();
    });
    req.on('close', () => {
      record.aborted = record.endSeq === undefined;
      this.#changed();
    });
    this.#changed();
  }

  #error(requestId: string | undefined, req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    req.on('data', (data: Buffer) => chunks.push(data));
    req.on('end', () => {
      // RAPID refuses /error once a response has started (spec §2.4).
      const status = requestId !== undefined && this.responses.has(requestId) ? 403 : 202;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      const record = { requestId, seq: this.#stamp(), headers: req.headers, body, status };
      (requestId === undefined ? this.initErrors : this.errors).push(record);
      res.writeHead(status, { 'Content-Type': 'application/json' }).end('{}');
      this.#changed();
    });
  }
}
