/**
 * The runtime's side of the Lambda Runtime API (spec §2): `/next`, buffered `/response`,
 * `/error`, `/init/error` and the streamed `/response`. Mirrors RIC `src/RAPIDClient.js`, whose
 * native (curl) client is replaced by `node:http` with one keep-alive connection, as curl
 * keeps one; the streamed response has its own keep-alive agent, as in RIC.
 */
import http from 'node:http';
import {
  ERROR_TYPE_TRAILER,
  formatRuntimeError,
  type NodeRuntime,
  type RuntimeErrorReport,
} from '@lambda-streaming/streaming/wire';
import { RIC_330_RUNTIME } from '../node-runtime.js';
import type { NextInvocation } from '../types.js';
import { formatXRayCause } from '../xray-error.js';
import { toHeaderValue } from './header-value.js';
import { normalizeInvocationHeaders } from './invocation-headers.js';
import { logNativeError, nextFailure, readBody } from './native-client-io.js';
import { createStreamingResponse, type StreamingResponse } from './response-stream.js';
import { serializeResponse } from './serialize-response.js';

const API = '/2018-06-01/runtime';
const XRAY_CAUSE_HEADER = 'lambda-runtime-function-xray-error-cause';

/** Talks to `AWS_LAMBDA_RUNTIME_API`. */
export class RuntimeApiClient {
  readonly hostname: string;
  readonly port: number;
  readonly #agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  readonly #streamAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  /** `/next` as aws-lambda-cpp names it in its messages: the variable's value, then the path. */
  readonly #nextEndpoint: string;
  /**
   * Settles once every post made so far is answered. The native client blocks on each post, so
   * nothing (not even `/next`) leaves before it is answered: an error raised while a result is
   * posted follows that result, and a runtime that exits after that error never asks for more.
   */
  #posting: Promise<void> = Promise.resolve();

  /**
   * @param hostPort - `AWS_LAMBDA_RUNTIME_API`, e.g. `127.0.0.1:9001` or `[::1]:9001`.
   * @param runtime - Whose error reports and stream semantics to apply (both clients share the
   *   same native Runtime API client, byte for byte).
   */
  constructor(
    hostPort: string,
    readonly runtime: NodeRuntime = RIC_330_RUNTIME,
  ) {
    this.#nextEndpoint = `${hostPort}${API}/invocation/next`;
    const colon = hostPort.lastIndexOf(':');
    this.hostname = hostPort.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
    this.port = Number.parseInt(hostPort.slice(colon + 1), 10);
  }

  /**
   * Long-polls `/next` (no client timeout, spec §2.1).
   *
   * @returns The event text and its headers.
   */
  nextInvocation(): Promise<NextInvocation> {
    return this.#posting.then(() => this.#getNext(true));
  }

  #getNext(mayRetry: boolean): Promise<NextInvocation> {
    return new Promise((resolve, reject) => {
      const request = http.get(this.#options(`${API}/invocation/next`, 'GET'), (response) => {
        readBody(response).then((body) => {
          const failure = nextFailure(response);
          if (failure) reject(failure);
          else
            resolve({
              bodyJson: body.toString('utf8'),
              headers: normalizeInvocationHeaders(response.headers),
            });
        }, reject);
      });
      request.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the server closed meanwhile: the request never reached it
        // (the retry Node's documentation recommends for idempotent requests).
        if (mayRetry && request.reusedSocket && error.code === 'ECONNRESET') {
          this.#getNext(false).then(resolve, reject);
        } else {
          logNativeError(
            `Failed to get next invocation. No Response from endpoint "${this.#nextEndpoint}"`,
          );
          reject(new Error('Failed to get next invocation, error -1'));
        }
      });
    });
  }

  /**
   * Posts a buffered result as JSON (`undefined` → `null`). Throws synchronously when the
   * result cannot be serialised, as RIC does, so the caller reports that error instead.
   */
  postInvocationResponse(response: unknown, id: string, callback: () => void): void {
    const body = serializeResponse(response, this.runtime);
    const path = `${API}/invocation/${encodeURIComponent(id)}/response`;
    // aws-lambda-cpp always sends the X-Ray cause header, empty on success (RIC patch).
    this.#post(path, body, { [XRAY_CAUSE_HEADER]: '' }, callback);
  }

  /** Posts an invocation error; RIC sends no error-type header here (spec §2.4). */
  postInvocationError(error: unknown, id: string, callback: () => void): void {
    const body = serializeResponse(formatRuntimeError(error, this.runtime), this.runtime);
    const path = `${API}/invocation/${encodeURIComponent(id)}/error`;
    this.#post(path, body, { [XRAY_CAUSE_HEADER]: formatXRayCause(error) }, callback);
  }

  /** Posts an init error with the `Lambda-Runtime-Function-Error-Type` header. */
  postInitError(error: unknown, callback: () => void): void {
    const response: RuntimeErrorReport = formatRuntimeError(error, this.runtime);
    // The same name as the streamed response's error-type trailer.
    const headers = { [ERROR_TYPE_TRAILER]: toHeaderValue(response.errorType) };
    this.#post(`${API}/init/error`, serializeResponse(response, this.runtime), headers, callback);
  }

  /** Opens a streamed `/response` for an invocation. */
  streamInvocationResponse(id: string, highWaterMark?: number): StreamingResponse {
    return createStreamingResponse({
      agent: this.#streamAgent,
      hostname: this.hostname,
      port: this.port,
      path: `${API}/invocation/${encodeURIComponent(id)}/response`,
      highWaterMark,
      runtime: this.runtime,
    });
  }

  #options(path: string, method: string): http.RequestOptions {
    return { hostname: this.hostname, port: this.port, path, method, agent: this.#agent };
  }

  /**
   * Like aws-lambda-cpp `do_post`: a failed post is reported and the runtime carries on (the
   * callback runs); an unreachable Runtime API then fails the next `/next`.
   */
  #post(path: string, body: string, headers: http.OutgoingHttpHeaders, callback: () => void) {
    const previous = this.#posting;
    this.#posting = new Promise((answered) => {
      void previous.then(() =>
        this.#send(path, body, headers, () => {
          answered();
          callback();
        }),
      );
    });
  }

  #send(path: string, body: string, headers: http.OutgoingHttpHeaders, callback: () => void) {
    let called = false;
    const finish = () => {
      if (called) return;
      called = true;
      callback();
    };
    const request = http.request({
      ...this.#options(path, 'POST'),
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        ...headers,
      },
    });
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      if (status < 200 || status > 299) {
        logNativeError(`Failed to post handler success response. Http response code: ${status}.`);
      }
      readBody(response).then(finish, finish);
    });
    // curl's own failure is only logged at debug level, which the release build leaves out.
    request.on('error', finish);
    request.end(body);
  }
}
