/**
 * One streaming invocation as the runtime runs it, from calling the handler to the end of the
 * response (aws-lambda-ric 3.3.0 `src/Runtime.js` `handleOnceStreaming`; 4.x
 * `src/runtime/streaming-invoke-processor.ts` and `lifecycle-manager.ts` `failResponseStream`).
 */
import { setImmediate as realSetImmediate } from 'node:timers';
import {
  ERROR_BODY_TRAILER,
  ERROR_TYPE_TRAILER,
  formatRuntimeError,
  IGNORED_RETURN_VALUE_WARNING,
  NON_ASYNC_STREAMING_HANDLER_MESSAGE,
  type RuntimeErrorReport,
  type RuntimeSemantics,
} from '@lambda-streaming/streaming/wire';
import type { RuntimeLogEntry, StreamEnd } from './invocation-types.js';
import type { RecordingResponseStream } from './response-stream.js';

/**
 * Calls the handler and follows it to the end of the stream: a result that is not a promise
 * fails with "Streaming does not support non-async handlers.", a resolved value is only
 * logged, and any failure goes to the client as error trailers if the stream is still open.
 *
 * @param call - Calls the handler with its event, stream and context.
 * @param stream - The double the handler writes to.
 * @param semantics - The runtime's semantics.
 * @param log - Receives what the runtime would log.
 * @returns How the stream ended; it settles once the client has read the end.
 * @example
 * ```ts
 * const end = await runOnce(() => handler(event, view, context), stream, semantics, log);
 * ```
 */
export async function runOnce(
  call: () => unknown,
  stream: RecordingResponseStream,
  semantics: RuntimeSemantics,
  log: RuntimeLogEntry[],
): Promise<StreamEnd> {
  const fail = (error: unknown) => failResponseStream(error, stream, semantics, log);
  try {
    const result = call();
    if (!isPromiseLike(result, semantics)) {
      const message = NON_ASYNC_STREAMING_HANDLER_MESSAGE;
      const failure = await fail(semantics.runtimeFailuresAreErrors ? new Error(message) : message);
      return { kind: 'non-async-handler', ...(failure.sent ? { error: failure.report } : {}) };
    }
    const value = await result;
    if (value !== undefined) log.push({ level: 'WARN', message: IGNORED_RETURN_VALUE_WARNING });
    await responseDone(stream);
    return { kind: 'complete' };
  } catch (thrown) {
    const failure = await fail(thrown);
    if (stream.destroyed && !stream.writableFinished) {
      const error = stream.error ?? socketHangUp();
      return { kind: 'destroyed', error: formatRuntimeError(error, semantics.runtime) };
    }
    if (!failure.sent) return { kind: 'complete' };
    const kind = failure.afterFirstByte ? 'error-after-first-byte' : 'error-before-first-byte';
    return { kind, error: failure.report };
  }
}

interface Failure {
  report: RuntimeErrorReport;
  /** The trailers went out (the stream was still open). */
  sent: boolean;
  afterFirstByte: boolean;
}

/** Logs `Invoke Error`, then ends the stream with the error trailers if it is still open. */
async function failResponseStream(
  error: unknown,
  stream: RecordingResponseStream,
  semantics: RuntimeSemantics,
  log: RuntimeLogEntry[],
): Promise<Failure> {
  if (semantics.failsOnNextTurn) await new Promise((resolve) => realSetImmediate(resolve));
  const report = formatRuntimeError(error, semantics.runtime);
  log.push({ level: 'ERROR', message: 'Invoke Error', error: report });
  const afterFirstByte = stream.sentBytes;
  if (stream.writableEnded || stream.destroyed) return { report, sent: false, afterFirstByte };
  const trailers = {
    [ERROR_TYPE_TRAILER]: report.errorType,
    [ERROR_BODY_TRAILER]: Buffer.from(JSON.stringify(report)).toString('base64'),
  };
  await new Promise<void>((resolve) => stream.failWithTrailers(trailers, () => resolve()));
  return { report, sent: true, afterFirstByte };
}

/** The Runtime API's answer: it comes once the body has ended; a cut request rejects. */
function responseDone(stream: RecordingResponseStream): Promise<void> {
  if (stream.writableFinished) return Promise.resolve();
  if (stream.destroyed) return Promise.reject(stream.error ?? socketHangUp());
  return new Promise((resolve, reject) => {
    const onFinish = () => {
      stream.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      stream.off('finish', onFinish);
      if (stream.writableFinished) resolve();
      else reject(stream.error ?? socketHangUp());
    };
    stream.once('finish', onFinish);
    stream.once('close', onClose);
  });
}

/** What Node's HTTP client emits when a request is destroyed before its answer. */
function socketHangUp(): Error {
  return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
}

/** 3.3.0 accepts any truthy value with a `then` function; 4.x only objects. */
function isPromiseLike(value: unknown, semantics: RuntimeSemantics): value is PromiseLike<unknown> {
  const then = (value as { then?: unknown } | null | undefined)?.then;
  if (semantics.ricVersion === '3.3.0') return Boolean(value) && typeof then === 'function';
  return typeof value === 'object' && value !== null && typeof then === 'function';
}
