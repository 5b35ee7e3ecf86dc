import { Buffer } from 'node:buffer';
// Types only: importing this module never loads the SDK, and the handler-side bundle never sees it.
import type { InvokeWithResponseStreamCommandOutput } from '@aws-sdk/client-lambda';
import {
  type InvokeCompletion,
  InvokeStreamError,
  MISSING_INVOKE_COMPLETE,
} from './invoke-stream-error.js';

/** The `EventStream` of an `InvokeWithResponseStreamCommand` result. */
export type InvokeEventStream = InvokeWithResponseStreamCommandOutput['EventStream'];

/** A `PayloadChunk` event: bytes the function wrote, and when they arrived. */
export interface InvokeChunkEvent {
  type: 'chunk';
  payload: Uint8Array;
  /** Arrival time in ms after `startMs`. */
  atMs: number;
}

/** The `InvokeComplete` event: the end of the invocation, successful or not. */
export interface InvokeCompleteEvent extends InvokeCompletion {
  type: 'complete';
  /** Arrival time in ms after `startMs`. */
  atMs: number;
}

/** What {@link readInvokeStream} yields. */
export type InvokeStreamEvent = InvokeChunkEvent | InvokeCompleteEvent;

/** Options of {@link readInvokeStream}. */
export interface ReadInvokeStreamOptions {
  /** Origin of `atMs`, on the `now` clock; defaults to the time of the call. */
  startMs?: number;
  /** Clock in ms; defaults to `performance.now`. */
  now?: () => number;
  /**
   * Throw an {@link InvokeStreamError} with code {@link MISSING_INVOKE_COMPLETE} when the stream
   * ends without `InvokeComplete` (default `true`). Real Lambda always ends with it; the SDK
   * tolerates its absence, and `false` restores that leniency.
   */
  requireComplete?: boolean;
}

/**
 * Reads an `InvokeWithResponseStream` event stream as tagged events: one `chunk` per
 * `PayloadChunk`, as it arrives, then one `complete` carrying `InvokeComplete` with its
 * `LogResult` decoded. A function error is data here (`errorCode` is set), not an exception, so
 * a caller can print the bytes and then the failure; use {@link invokePayloads} to have it
 * thrown instead. Unknown events are skipped, as the SDK does; nothing is read after
 * `InvokeComplete`.
 *
 * @param eventStream - `output.EventStream` of `InvokeWithResponseStreamCommand`.
 * @param options - Clock, start time and the missing-`InvokeComplete` policy.
 * @returns The events, in arrival order.
 * @throws {@link InvokeStreamError} (`MISSING_INVOKE_COMPLETE`) when the stream ends without
 *   `InvokeComplete` and `requireComplete` is not `false`; the SDK's own errors pass through.
 * @example
 * ```ts
 * const startMs = performance.now();
 * const output = await client.send(new InvokeWithResponseStreamCommand({ FunctionName, LogType: 'Tail' }));
 * for await (const event of readInvokeStream(output.EventStream, { startMs })) {
 *   if (event.type === 'chunk') console.log(event.atMs.toFixed(0), event.payload.byteLength);
 *   else console.log(event.errorCode ?? 'OK', event.errorDetails ?? '', event.logResult ?? '');
 * }
 * ```
 */
export async function* readInvokeStream(
  eventStream: InvokeEventStream,
  options: ReadInvokeStreamOptions = {},
): AsyncGenerator<InvokeStreamEvent, void, undefined> {
  const now = options.now ?? (() => performance.now());
  const startMs = options.startMs ?? now();
  let bytesReceived = 0;
  for await (const event of eventStream ?? []) {
    if (event.PayloadChunk) {
      const payload = event.PayloadChunk.Payload ?? new Uint8Array(0);
      bytesReceived += payload.byteLength;
      yield { type: 'chunk', payload, atMs: now() - startMs };
    } else if (event.InvokeComplete) {
      const { ErrorCode, ErrorDetails, LogResult } = event.InvokeComplete;
      yield {
        type: 'complete',
        atMs: now() - startMs,
        errorCode: ErrorCode || undefined,
        errorDetails: ErrorDetails,
        logResult: decodeLogResult(LogResult),
        bytesReceived,
      };
      return;
    }
  }
  if (options.requireComplete !== false) throw missingComplete(bytesReceived);
}

/**
 * Decodes `InvokeComplete.LogResult` (base64 of the last 4 KB of the function's log).
 *
 * @param logResult - The base64 text, if any.
 * @returns The log text, or `undefined` when there was none.
 * @example
 * ```ts
 * decodeLogResult('aGVsbG8='); // 'hello'
 * ```
 */
export function decodeLogResult(logResult: string | undefined): string | undefined {
  return logResult ? Buffer.from(logResult, 'base64').toString('utf8') : undefined;
}

function missingComplete(bytesReceived: number): InvokeStreamError {
  return new InvokeStreamError({
    errorCode: MISSING_INVOKE_COMPLETE,
    errorDetails: 'The event stream ended without an InvokeComplete event',
    logResult: undefined,
    bytesReceived,
  });
}
