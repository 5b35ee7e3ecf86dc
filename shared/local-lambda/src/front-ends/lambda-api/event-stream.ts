import { EventStreamCodec, type MessageHeaders } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

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

const codec = new EventStreamCodec(toUtf8, fromUtf8);

/**
 * Encodes bytes the function wrote as `PayloadChunk` event frames (spec §3.3, §3.4), splitting
 * anything larger than {@link MAX_CHUNK_PAYLOAD_BYTES}.
 *
 * @param bytes - A chunk of the function's response, prelude bytes included as they are.
 * @returns One or more encoded frames.
 * @example
 * ```ts
 * for (const frame of payloadChunkFrames(chunk)) res.write(frame);
 * ```
 */
export function payloadChunkFrames(bytes: Uint8Array): Uint8Array[] {
  const frames: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += MAX_CHUNK_PAYLOAD_BYTES) {
    const body = bytes.subarray(start, start + MAX_CHUNK_PAYLOAD_BYTES);
    frames.push(
      codec.encode({ headers: eventHeaders('PayloadChunk', 'application/octet-stream'), body }),
    );
  }
  return frames;
}

/**
 * Encodes the final `InvokeComplete` event frame.
 *
 * @param fields - `ErrorCode`, `ErrorDetails`, `LogResult` when they apply.
 * @returns The encoded frame.
 * @example
 * ```ts
 * res.end(invokeCompleteFrame({ ErrorCode: 'Sandbox.Timedout', ErrorDetails: 'Task timed out after 1.00 seconds' }));
 * ```
 */
export function invokeCompleteFrame(fields: InvokeCompleteFields): Uint8Array {
  const body = fromUtf8(JSON.stringify(fields));
  return codec.encode({ headers: eventHeaders('InvokeComplete', 'application/json'), body });
}

/** Header order as in the worked examples of spec §3.3. */
function eventHeaders(eventType: string, contentType: string): MessageHeaders {
  return {
    ':event-type': { type: 'string', value: eventType },
    ':content-type': { type: 'string', value: contentType },
    ':message-type': { type: 'string', value: 'event' },
  };
}
