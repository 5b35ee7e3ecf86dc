/// <reference types="aws-lambda" />
import type {
  HandlerMetadata,
  HttpPrelude,
  NodeRuntime,
  RuntimeErrorReport,
} from '@lambda-streaming/streaming/wire';
import type { Context } from 'aws-lambda';
import type { ContextOptions } from './context.js';
import type { ResponseStreamDouble, ResponseStreamOptions } from './response-stream.js';
import type { RecordedChunk } from './slow-reader.js';

/**
 * How the response stream ended, as the client sees it:
 *
 * - `complete`: the body ended normally (a failure after `end()` is only logged);
 * - `error-before-first-byte` / `error-after-first-byte`: the handler failed and the runtime
 *   ended the stream with the error trailers (a function URL answers 502 before the first byte
 *   and cuts the body after it; the SDK reports the error in `InvokeComplete`);
 * - `timeout`: the function timed out before the stream ended (`Sandbox.Timedout`);
 * - `non-async-handler`: the handler returned something that is not a promise; the error
 *   reaches the client only if the stream was still open;
 * - `destroyed`: the stream was destroyed (by the handler or a failed `pipeline`): the runtime's
 *   request is cut, and on Lambda the runtime process ends (3.3.0 reports the error and exits
 *   with 128, 4.x exits on the unhandled rejection);
 * - `init-error`: the runtime refused the handler at init (on `nodejs24.x` a callback-style
 *   handler: `Runtime.CallbackHandlerDeprecated`).
 */
export type StreamEndKind =
  | 'complete'
  | 'error-before-first-byte'
  | 'error-after-first-byte'
  | 'timeout'
  | 'non-async-handler'
  | 'destroyed'
  | 'init-error';

/** The end of the stream and the error the client received with it, if any. */
export interface StreamEnd {
  kind: StreamEndKind;
  /** The error in the trailers (or the timeout or init error); absent when none reached the client. */
  error?: RuntimeErrorReport;
}

/** A line the runtime would have logged for this invocation. */
export interface RuntimeLogEntry {
  level: 'ERROR' | 'WARN';
  /** `Invoke Error`, `Init Error`, or the warning's text. */
  message: string;
  error?: RuntimeErrorReport;
}

/** Options of {@link invokeStreamingHandler}. */
export interface InvokeOptions {
  /** Whose semantics to follow (default `nodejs22.x`). */
  runtime?: NodeRuntime;
  /** The function's timeout (default 3000, SAM's default). */
  timeoutMs?: number;
  /** Context fields; the runtime and timeout come from the options above. */
  context?: Omit<ContextOptions, 'runtime' | 'timeoutMs'>;
  /**
   * The client's reader: options for a new stream double, or one made with
   * `createResponseStream({ runtime, paused: true })` to pause and resume it during the call.
   */
  stream?: ResponseStreamOptions | ResponseStreamDouble;
}

/** What a client (and the runtime's log) saw of one invocation. */
export interface StreamedInvocation {
  runtime: NodeRuntime;
  end: StreamEnd;
  /** The `HttpResponseStream.from` prelude, if the client received one. */
  prelude: HttpPrelude | undefined;
  /** The non-empty body chunks in order, each with the time the client read it. */
  chunks: RecordedChunk[];
  /** The body as UTF-8 text. */
  text: string;
  /** The double itself: `bytes()`, `contentType`, `writes` (with backpressure), `trailers`. */
  stream: ResponseStreamDouble;
  log: RuntimeLogEntry[];
  /** The context the handler received. */
  context: Context;
  /** What the runtime read from the handler at init (absent after an init error). */
  metadata: HandlerMetadata | undefined;
  /** `Date.now()` when the invocation started, and when the runtime was done with it. */
  startedAt: number;
  doneAt: number;
  /** The function's timeout struck, before or (3.3.0) after the stream ended. */
  timedOut: boolean;
  /** 3.3.0 waited for what the invocation left running before asking for the next event. */
  waitedForEmptyEventLoop: boolean;
}
