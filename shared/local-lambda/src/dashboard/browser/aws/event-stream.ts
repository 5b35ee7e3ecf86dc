import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

/** One decoded `InvokeWithResponseStream` event. */
export type InvokeStreamEvent =
  | { type: 'PayloadChunk'; payload: Uint8Array }
  | { type: 'InvokeComplete'; errorCode?: string; errorDetails?: string; logResult?: string }
  | { type: 'exception'; name: string; message: string };

/**
 * Splits the bytes of an event-stream response into messages (each starts with its total
 * length, big-endian) and decodes them with the SDK's codec (`@smithy/eventstream-codec`,
 * bundled into the page), which checks both CRCs and parses the headers.
 *
 * @example
 * ```ts
 * const reader = new EventStreamReader();
 * for (const event of reader.push(chunk)) show(event);
 * ```
 */
export class EventStreamReader {
  readonly #codec = new EventStreamCodec(toUtf8, fromUtf8);
  #pending = new Uint8Array(0);

  /** @returns The events completed by these bytes, in order. */
  push(bytes: Uint8Array): InvokeStreamEvent[] {
    const joined = new Uint8Array(this.#pending.length + bytes.length);
    joined.set(this.#pending);
    joined.set(bytes, this.#pending.length);
    const events: InvokeStreamEvent[] = [];
    let offset = 0;
    while (joined.length - offset >= 4) {
      const view = new DataView(joined.buffer, joined.byteOffset + offset, 4);
      const length = view.getUint32(0, false);
      if (joined.length - offset < length) break;
      events.push(this.#decode(joined.subarray(offset, offset + length)));
      offset += length;
    }
    this.#pending = joined.slice(offset);
    return events;
  }

  /** Bytes of an unfinished message; non-zero at the end means the stream was cut short. */
  get pendingBytes(): number {
    return this.#pending.length;
  }

  #decode(frame: Uint8Array): InvokeStreamEvent {
    const { headers, body } = this.#codec.decode(frame);
    const header = (name: string) => String(headers[name]?.value ?? '');
    const messageType = header(':message-type');
    if (messageType !== 'event') {
      const name = header(':exception-type') || header(':error-code') || messageType;
      const message = header(':error-message') || toUtf8(body);
      return { type: 'exception', name, message };
    }
    if (header(':event-type') === 'PayloadChunk') return { type: 'PayloadChunk', payload: body };
    const fields = JSON.parse(toUtf8(body) || '{}') as Record<string, string | undefined>;
    return {
      type: 'InvokeComplete',
      ...(fields.ErrorCode !== undefined ? { errorCode: fields.ErrorCode } : {}),
      ...(fields.ErrorDetails !== undefined ? { errorDetails: fields.ErrorDetails } : {}),
      ...(fields.LogResult !== undefined ? { logResult: fields.LogResult } : {}),
    };
  }
}
