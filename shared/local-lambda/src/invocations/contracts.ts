/**
 * The contract between the emulator's core (execution environments speaking the Runtime API)
 * and its front ends (the Lambda API, function URLs). Front ends never see processes or the
 * Runtime API; the core never sees HTTP clients. Both sides code against these types.
 */
import type { Readable } from 'node:stream';
import type { SamFunction } from '@lambda-streaming/sam-template';

/** A function the emulator serves. `name` is the template's logical ID. */
export interface LocalFunction {
  name: string;
  /** `arn:aws:lambda:<region>:<account>:function:<name>` */
  arn: string;
  /** The definition read from the template (handler, code folder, runtime, timeout...). */
  definition: SamFunction;
  /** Set when the template gives the function a URL. */
  url?: LocalFunctionUrl;
}

/** A function URL served on its own port. */
export interface LocalFunctionUrl {
  /** e.g. `http://127.0.0.1:3001/` */
  url: string;
  port: number;
  authType: 'AWS_IAM' | 'NONE';
  invokeMode: 'BUFFERED' | 'RESPONSE_STREAM';
  cors?: NonNullable<SamFunction['functionUrl']>['cors'];
}

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

/** How the runtime began its response. */
export interface ResponseStart {
  /** Content type the runtime gave its `/response` (default `application/octet-stream`). */
  contentType: string;
  /** `true` when the runtime streamed (`Lambda-Runtime-Function-Response-Mode: streaming`). */
  streamed: boolean;
}

/** A function or runtime error, as Lambda reports it. */
export interface FunctionError {
  /** e.g. `Error`, `TypeError`, `Sandbox.Timedout`, `Runtime.ExitError`, `Function.ResponseSizeTooLarge` */
  errorType: string;
  errorMessage: string;
  /** The error document a buffered Invoke returns as its body (JSON bytes). */
  payload: Buffer;
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
  close(): Promise<void>;
}
