import { toUtf8 } from '@smithy/util-utf8';
import { decodeEventStreamMessage, type Message } from './event-stream-codec.js';
import { EventStreamSplitter } from './event-stream-splitter.js';

/**
 * One event of an `InvokeWithResponseStream` response (spec §3.4): a payload chunk, the final
 * `InvokeComplete`, or an `exception` / `error` message.
 */
export type InvokeWithResponseStreamEvent =
  | { type: 'PayloadChunk'; payload: Uint8Array }
  | { type: 'InvokeComplete'; errorCode?: string; errorDetails?: string; logResult?: string }
  | { type: 'exception'; name: string; message: string };

/**
 * Reads one decoded message as the `InvokeWithResponseStream` event it carries.
 *
 * @param message - A decoded event-stream message.
 * @returns The event, or `undefined` for an event type Lambda's API does not define, which the
 * SDK skips too (spec §3.4).
 * @example
 * ```ts
 * const event = toInvokeStreamEvent(decodeEventStreamMessage(frame));
 * if (event?.type === 'PayloadChunk') write(event.payload);
 * ```
 */
export function toInvokeStreamEvent(message: Message): InvokeWithResponseStreamEvent | undefined {
  const { headers, body } = message;
  // Header by header rather than through a helper: this runs once per frame on the bench's path.
  if (headers[':message-type']?.value !== 'event') {
    const text = (name: string) => String(headers[name]?.value ?? '');
    const name = text(':exception-type') || text(':error-code') || text(':message-type');
    return { type: 'exception', name, message: text(':error-message') || toUtf8(body) };
  }
  const eventType = headers[':event-type']?.value;
  if (eventType === 'PayloadChunk') return { type: 'PayloadChunk', payload: body };
  if (eventType !== 'InvokeComplete') return undefined;
  const fields = JSON.parse(toUtf8(body) || '{}') as Record<string, string | undefined>;
  return {
    type: 'InvokeComplete',
    ...(fields.ErrorCode !== undefined ? { errorCode: fields.ErrorCode } : {}),
    ...(fields.ErrorDetails !== undefined ? { errorDetails: fields.ErrorDetails } : {}),
    ...(fields.LogResult !== undefined ? { logResult: fields.LogResult } : {}),
  };
}

/**
 * Reads the body of an `InvokeWithResponseStream` response as it arrives, without the SDK:
 * frames split across chunks are joined, checked (both CRCs) and read as events.
 *
 * @example
 * ```ts
 * const reader = new InvokeStreamReader();
 * for (const event of reader.push(chunk)) show(event);
 * if (reader.pendingBytes > 0) warn('the stream ended inside a frame');
 * ```
 */
export class InvokeStreamReader {
  readonly #splitter = new EventStreamSplitter();

  /** Bytes of an unfinished message; not zero at the end means the stream was cut short. */
  get pendingBytes(): number {
    return this.#splitter.pendingBytes;
  }

  /**
   * @param chunk - The next bytes of the response body.
   * @returns The events completed by them, in order.
   */
  push(chunk: Uint8Array): InvokeWithResponseStreamEvent[] {
    const events: InvokeWithResponseStreamEvent[] = [];
    for (const frame of this.#splitter.push(chunk)) {
      const event = toInvokeStreamEvent(decodeEventStreamMessage(frame));
      if (event) events.push(event);
    }
    return events;
  }
}
