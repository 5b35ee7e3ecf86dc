import { Buffer } from 'node:buffer';
import {
  type InvokeCompleteEvent,
  type InvokeEventStream,
  type ReadInvokeStreamOptions,
  readInvokeStream,
} from './invoke-stream.js';
import { InvokeStreamError } from './invoke-stream-error.js';

/** Options of {@link invokePayloads}. */
export interface InvokePayloadsOptions extends ReadInvokeStreamOptions {
  /** Called with the successful `InvokeComplete` (decoded logs included) before iteration ends. */
  onComplete?: (complete: InvokeCompleteEvent) => void;
}

/**
 * Reads an `InvokeWithResponseStream` event stream as the payload bytes alone, each chunk as
 * soon as it arrives. When `InvokeComplete` reports an `ErrorCode`, iteration throws an
 * {@link InvokeStreamError}; a successful completion goes to `onComplete`.
 *
 * @param eventStream - `output.EventStream` of `InvokeWithResponseStreamCommand`.
 * @param options - `onComplete`, plus the options of `readInvokeStream`.
 * @returns The payload chunks, ready for `pipeline()` or `for await`.
 * @throws {@link InvokeStreamError} for a function error or a missing `InvokeComplete`.
 * @example
 * ```ts
 * const output = await client.send(new InvokeWithResponseStreamCommand({ FunctionName }));
 * await pipeline(
 *   invokePayloads(output.EventStream, { onComplete: (c) => console.error(c.logResult) }),
 *   process.stdout,
 * );
 * ```
 */
export async function* invokePayloads(
  eventStream: InvokeEventStream,
  options: InvokePayloadsOptions = {},
): AsyncGenerator<Uint8Array, void, undefined> {
  for await (const event of readInvokeStream(eventStream, options)) {
    if (event.type === 'chunk') {
      yield event.payload;
    } else if (event.errorCode !== undefined) {
      throw new InvokeStreamError({ ...event, errorCode: event.errorCode });
    } else {
      options.onComplete?.(event);
    }
  }
}

/** The whole payload of a successful streamed invocation. */
export interface CollectedInvokePayload {
  payload: Buffer;
  complete: InvokeCompleteEvent;
}

/**
 * Buffers a whole `InvokeWithResponseStream` response: handy in scripts and tests, where the
 * streaming itself is not the point. On a function error the thrown {@link InvokeStreamError}
 * carries the bytes received before it in `received`.
 *
 * @param eventStream - `output.EventStream` of `InvokeWithResponseStreamCommand`.
 * @param options - Clock and start time, as for `readInvokeStream` (a missing `InvokeComplete`
 *   is always an error here).
 * @returns The concatenated payload and the completion.
 * @throws {@link InvokeStreamError} for a function error or a missing `InvokeComplete`.
 * @example
 * ```ts
 * const { payload, complete } = await collectInvokePayload(output.EventStream);
 * expect(payload.toString()).toContain('</html>');
 * expect(complete.errorCode).toBeUndefined();
 * ```
 */
export async function collectInvokePayload(
  eventStream: InvokeEventStream,
  options: Omit<ReadInvokeStreamOptions, 'requireComplete'> = {},
): Promise<CollectedInvokePayload> {
  const chunks: Uint8Array[] = [];
  let complete: InvokeCompleteEvent | undefined;
  try {
    for await (const event of readInvokeStream(eventStream, {
      ...options,
      requireComplete: true,
    })) {
      if (event.type === 'chunk') chunks.push(event.payload);
      else complete = event;
    }
  } catch (error) {
    throw withReceived(error, chunks);
  }
  const payload = Buffer.concat(chunks);
  // With `requireComplete: true`, readInvokeStream ends normally only after a completion.
  const done = complete as InvokeCompleteEvent;
  if (done.errorCode !== undefined) {
    throw new InvokeStreamError({ ...done, errorCode: done.errorCode }, payload);
  }
  return { payload, complete: done };
}

function withReceived(error: unknown, chunks: Uint8Array[]): unknown {
  if (!(error instanceof InvokeStreamError) || error.received) return error;
  return new InvokeStreamError(error, Buffer.concat(chunks));
}
