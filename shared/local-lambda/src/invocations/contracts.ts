/**
 * The contract between the invocations and the front ends (the Lambda API, function URLs).
 * Front ends never see processes or the Runtime API; invocations never see HTTP clients. Both
 * sides code against these types.
 */
import type { Readable } from 'node:stream';
import type { FunctionError } from '../functions/function-error.js';
import type { LocalFunction } from '../functions/local-function.js';
import type { ResponseStart } from '../runtime-api/runtime-response.js';

export type { ResponseStart } from '../runtime-api/runtime-response.js';

/** One invocation, as a front end asks the core for it. */
export interface InvokeRequest {
  functionName: string;
  /** Event bytes (JSON) handed to the runtime unchanged. */
  payload: Buffer;
  /** ARN as invoked, with the qualifier when one was given. */
  invokedFunctionArn: string;
  /** Base64 `X-Amz-Client-Context` as received; the core decodes it for the runtime. */
  clientContext?: string;
  /**
   * How the caller takes the response. `stream`: chunks as they come, limited to
   * `maxStreamedResponseBytes` (URL RESPONSE_STREAM, InvokeWithResponseStream). `buffer`:
   * the 6,291,556-byte cap of buffered invokes applies (Invoke, URL BUFFERED).
   */
  delivery: 'stream' | 'buffer';
  /** Request id to use; the core makes one when absent. */
  requestId?: string;
}

/** How an invocation ended, with the figures of its REPORT line. */
export interface InvocationOutcome {
  requestId: string;
  error?: FunctionError;
  durationMs: number;
  billedDurationMs: number;
  maxMemoryUsedMb: number;
  /** Set on a cold start. */
  initDurationMs?: number;
  /** The invocation's log lines, START to REPORT: the last 4 KB are `X-Amz-Log-Result`. */
  logs: string;
}

/** A running invocation. */
export interface InvocationHandle {
  requestId: string;
  /**
   * Resolves when the runtime starts its response; resolves `undefined` when the invocation
   * ends without one (error before any byte, timeout, crash).
   */
  started: Promise<ResponseStart | undefined>;
  /**
   * The response bytes as the runtime sends them (prelude included), after the bandwidth
   * limit. Backpressure flows back to the function. It ends when the runtime finishes or the
   * response is cut off (error, timeout, oversize): check `outcome` to tell which.
   */
  body: Readable;
  /** Resolves (never rejects) when the invocation is over. */
  outcome: Promise<InvocationOutcome>;
  /** The caller has gone: keep the function running, drop its output without buffering it. */
  discard(): void;
}

/** Thrown by `invoke` when every environment is busy and `maxConcurrency` is reached. */
export class TooManyRequestsError extends Error {
  constructor(readonly maxConcurrency: number) {
    super(`Rate Exceeded. Concurrency limit of ${maxConcurrency} reached`);
    this.name = 'TooManyRequestsException';
  }
}

/** Thrown by `invoke` for a name that is not served. */
export class FunctionNotFoundError extends Error {
  constructor(readonly functionName: string) {
    super(`Function not found: ${functionName}`);
    this.name = 'ResourceNotFoundException';
  }
}

/** What the core offers the front ends. */
export interface InvocationService {
  readonly functions: readonly LocalFunction[];
  getFunction(name: string): LocalFunction | undefined;
  /** Starts an invocation; throws TooManyRequestsError / FunctionNotFoundError synchronously. */
  invoke(request: InvokeRequest): InvocationHandle;
  /** Calls `listener` each time an environment comes free; returns a function that stops it. */
  onRelease?(listener: () => void): () => void;
  close(): Promise<void>;
}
