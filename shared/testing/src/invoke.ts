/// <reference types="aws-lambda" />
import {
  checkHandlerAtInit,
  formatRuntimeError,
  type HandlerMetadata,
  handlerStreamView,
  type NodeRuntime,
  runtimeSemantics,
} from '@lambda-streaming/streaming/wire';
import { createContext } from './context.js';
import { startDeadline, TIMED_OUT, timeoutEnd } from './deadline.js';
import type {
  InvokeOptions,
  RuntimeLogEntry,
  StreamEnd,
  StreamedInvocation,
} from './invocation-types.js';
import { PendingWork } from './pending-work.js';
import {
  createResponseStream,
  RecordingResponseStream,
  type ResponseStreamDouble,
} from './response-stream.js';
import { runOnce } from './run-once.js';
import { DEFAULT_RUNTIME } from './runtime-choice.js';

/** Any function a module could export as its handler. */
type AnyHandler = (...args: never[]) => unknown;

/**
 * Runs a streaming handler the way the Lambda Node.js runtime does, and reports what a client
 * would have seen: the prelude, each body chunk with the time it was read, and how the stream
 * ended (complete, an error before or after the first byte, a timeout, a non-async handler, a
 * destroyed stream, an init error), plus what the runtime would have logged.
 *
 * The runtime's checks apply: the handler must carry `awslambda.streamifyResponse`'s tag (or the
 * call throws a TypeError: the runtime would run it as a buffered handler), and on `nodejs24.x`
 * a callback-style handler is refused at init. The handler receives the runtime's whitelisted
 * view of the stream, not the double itself. The promise settles once the runtime would ask for
 * the next event: on `nodejs22.x` after what the invocation left running (timers, sockets) is
 * done, unless the handler set `context.callbackWaitsForEmptyEventLoop = false`; on `nodejs24.x`
 * as soon as the stream has ended.
 *
 * @param handler - The exported handler.
 * @param event - The event (for a function URL, see `functionUrlEvent`).
 * @param options - Runtime, timeout, context fields, and the client's reader.
 * @returns The invocation as the client saw it.
 * @example
 * ```ts
 * const result = await invokeStreamingHandler(handler, functionUrlEvent({ path: '/' }), {
 *   runtime: 'nodejs24.x',
 * });
 * expect(result.prelude?.statusCode).toBe(200);
 * expect(result.chunks.map((chunk) => chunk.data.toString())).toEqual(['a', 'b']);
 * expect(result.end).toEqual({ kind: 'complete' });
 * ```
 */
export async function invokeStreamingHandler(
  handler: AnyHandler,
  event: unknown,
  options: InvokeOptions = {},
): Promise<StreamedInvocation> {
  const runtime = options.runtime ?? DEFAULT_RUNTIME;
  const stream = streamFor(options, runtime);
  const timeoutMs = options.timeoutMs ?? 3000;
  const context = createContext({ ...options.context, runtime, timeoutMs });
  const log: RuntimeLogEntry[] = [];
  const startedAt = Date.now();
  const report = (metadata: HandlerMetadata | undefined, ending: Ending): StreamedInvocation => ({
    runtime,
    end: ending.end,
    prelude: stream.prelude(),
    chunks: stream.chunks(),
    text: stream.text(),
    stream,
    log,
    context,
    metadata,
    startedAt,
    doneAt: Date.now(),
    timedOut: ending.timedOut,
    waitedForEmptyEventLoop: ending.waitedForEmptyEventLoop,
  });

  const metadata = loadHandler(handler, runtime, log);
  if ('kind' in metadata)
    return report(undefined, { end: metadata, timedOut: false, waitedForEmptyEventLoop: false });
  const view = handlerStreamView(stream, runtime);
  const call = () => (handler as (...args: unknown[]) => unknown)(event, view, context);
  return report(metadata, await runUntilDone(call, { stream, context, log, runtime, timeoutMs }));
}

/** How the invocation ended, for the client and for the runtime. */
interface Ending {
  end: StreamEnd;
  timedOut: boolean;
  waitedForEmptyEventLoop: boolean;
}

/** The runtime's init: the handler's metadata, or the init error the client would get. */
function loadHandler(
  handler: AnyHandler,
  runtime: NodeRuntime,
  log: RuntimeLogEntry[],
): HandlerMetadata | StreamEnd {
  let metadata: HandlerMetadata;
  try {
    metadata = checkHandlerAtInit(handler, runtime);
  } catch (error) {
    const initError = formatRuntimeError(error, runtime);
    log.push({ level: 'ERROR', message: 'Init Error', error: initError });
    return { kind: 'init-error', error: initError };
  }
  if (!metadata.streaming) {
    throw new TypeError(
      'invokeStreamingHandler runs streaming handlers: wrap the handler with awslambda.streamifyResponse (the runtime would run this one as a buffered handler)',
    );
  }
  return metadata;
}

interface Invocation {
  stream: RecordingResponseStream;
  context: object;
  log: RuntimeLogEntry[];
  runtime: NodeRuntime;
  timeoutMs: number;
}

/**
 * Runs the handler to the end of the stream, then (3.3.0) until what it left running is done,
 * all within the function's timeout.
 */
async function runUntilDone(call: () => unknown, invocation: Invocation): Promise<Ending> {
  const { stream, context, log, runtime, timeoutMs } = invocation;
  const semantics = runtimeSemantics(runtime);
  const pending = semantics.waitsForEmptyEventLoop ? new PendingWork() : undefined;
  const deadline = startDeadline(timeoutMs);
  try {
    const ran = runOnce(() => (pending ? pending.run(call) : call()), stream, semantics, log);
    const end = await Promise.race([ran, deadline.struck]);
    if (end === TIMED_OUT) {
      stream.cut();
      const cutEnd = stream.writableFinished
        ? { kind: 'complete' as const }
        : timeoutEnd(timeoutMs);
      return { end: cutEnd, timedOut: true, waitedForEmptyEventLoop: pending !== undefined };
    }
    const waits = Boolean(pending && waitsForEmptyEventLoop(context) && end.kind !== 'destroyed');
    if (!waits || !pending?.busy) return { end, timedOut: false, waitedForEmptyEventLoop: waits };
    const drained = await Promise.race([pending.drained(), deadline.struck]);
    return { end, timedOut: drained === TIMED_OUT, waitedForEmptyEventLoop: true };
  } finally {
    deadline.clear();
    pending?.stop();
  }
}

function streamFor(
  options: InvokeOptions,
  runtime: StreamedInvocation['runtime'],
): ResponseStreamDouble {
  if (options.stream instanceof RecordingResponseStream) {
    if (options.stream.runtime !== runtime) {
      throw new TypeError(
        `The stream follows ${options.stream.runtime} and the invocation ${runtime}: create it with createResponseStream({ runtime: '${runtime}' })`,
      );
    }
    return options.stream as ResponseStreamDouble;
  }
  return createResponseStream({ ...options.stream, runtime });
}

function waitsForEmptyEventLoop(context: object): boolean {
  return (
    (context as { callbackWaitsForEmptyEventLoop?: boolean }).callbackWaitsForEmptyEventLoop !==
    false
  );
}
