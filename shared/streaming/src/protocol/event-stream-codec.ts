import { EventStreamCodec, type Message } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

export type { Message, MessageHeaders } from '@smithy/eventstream-codec';

// The SDK's own codec: it writes and checks both CRCs and (de)serializes every header type.
const codec = new EventStreamCodec(toUtf8, fromUtf8);

/**
 * Encodes one `application/vnd.amazon.eventstream` message (spec §3.3).
 *
 * @param message - Headers (in the order they are to be written) and body.
 * @returns The message bytes: prelude, prelude CRC, headers, body, message CRC.
 * @example
 * ```ts
 * const bytes = encodeEventStreamMessage({
 *   headers: { ':message-type': { type: 'string', value: 'event' } },
 *   body: new Uint8Array(0),
 * });
 * ```
 */
export function encodeEventStreamMessage(message: Message): Uint8Array {
  return codec.encode(message);
}

/**
 * Decodes exactly one whole message; a stream cut anywhere is split first with
 * `EventStreamSplitter`.
 *
 * @param bytes - One message, from its length prefix to its message CRC.
 * @returns Its headers and body (the body is a view of `bytes`).
 * @throws Error when a length or a CRC does not match.
 * @example
 * ```ts
 * const { headers, body } = decodeEventStreamMessage(frame);
 * headers[':event-type']?.value; // 'PayloadChunk'
 * ```
 */
export function decodeEventStreamMessage(bytes: Uint8Array): Message {
  return codec.decode(bytes);
}
