import { fromUtf8 } from '@smithy/util-utf8';
import { encodeEventStreamMessage, type MessageHeaders } from './event-stream-codec.js';

/** Content type of an `InvokeWithResponseStream` response (UNCONFIRMED, spec §3.2, §10 item 1). */
export const EVENT_STREAM_CONTENT_TYPE = 'application/vnd.amazon.eventstream';

/**
 * Largest `PayloadChunk` payload: frames stay within 1 MiB, far below the 16 MiB message limit
 * (spec §3.3), so a client never holds a large frame before it can hand bytes on.
 */
export const MAX_CHUNK_PAYLOAD_BYTES = 1024 * 1024 - 256;

/** The members of an `InvokeComplete` event; absent members are left out, never `null` (spec §11). */
export interface InvokeCompleteFields {
  ErrorCode?: string;
  ErrorDetails?: string;
  LogResult?: string;
}

/**
 * Encodes one `PayloadChunk` event frame (spec §3.3, §3.4).
 *
 * @param payload - The bytes, or text sent as UTF-8; at most {@link MAX_CHUNK_PAYLOAD_BYTES}
 * by Lambda's framing (use {@link payloadChunkFrames} for anything longer).
 * @returns The encoded frame.
 * @example
 * ```ts
 * res.write(payloadChunkFrame('hello'));
 * ```
 */
export function payloadChunkFrame(payload: Uint8Array | string): Uint8Array {
  const body = typeof payload === 'string' ? fromUtf8(payload) : payload;
  return encodeEventStreamMessage({
    headers: eventHeaders('PayloadChunk', 'application/octet-stream'),
    body,
  });
}

/**
 * Encodes bytes a function wrote as `PayloadChunk` event frames, splitting anything larger than
 * {@link MAX_CHUNK_PAYLOAD_BYTES}.
 *
 * @param bytes - A chunk of the function's response, prelude bytes included as they are.
 * @returns One or more encoded frames (none for no bytes).
 * @example
 * ```ts
 * for (const frame of payloadChunkFrames(chunk)) res.write(frame);
 * ```
 */
export function payloadChunkFrames(bytes: Uint8Array): Uint8Array[] {
  const frames: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += MAX_CHUNK_PAYLOAD_BYTES) {
    frames.push(payloadChunkFrame(bytes.subarray(start, start + MAX_CHUNK_PAYLOAD_BYTES)));
  }
  return frames;
}

/**
 * Encodes the final `InvokeComplete` event frame.
 *
 * @param fields - `ErrorCode`, `ErrorDetails`, `LogResult` when they apply; none on success.
 * @returns The encoded frame.
 * @example
 * ```ts
 * res.end(invokeCompleteFrame({ ErrorCode: 'Sandbox.Timedout', ErrorDetails: 'Task timed out after 1.00 seconds' }));
 * ```
 */
export function invokeCompleteFrame(fields: InvokeCompleteFields = {}): Uint8Array {
  const body = fromUtf8(JSON.stringify(fields));
  return encodeEventStreamMessage({
    headers: eventHeaders('InvokeComplete', 'application/json'),
    body,
  });
}

/** Header order as in the worked examples of spec §3.3. */
function eventHeaders(eventType: string, contentType: string): MessageHeaders {
  return {
    ':event-type': { type: 'string', value: eventType },
    ':content-type': { type: 'string', value: contentType },
    ':message-type': { type: 'string', value: 'event' },
  };
}
