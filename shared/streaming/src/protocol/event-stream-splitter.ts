import { decodeEventStreamMessage, type Message } from './event-stream-codec.js';

/** Prelude (12 bytes) plus message CRC (4): no message is shorter. */
const MIN_MESSAGE_BYTES = 16;

/**
 * Cuts a byte stream, however its chunks fall, into whole event-stream messages: each starts
 * with its total length as a big-endian uint32 (spec §3.3). Whole messages are views of the
 * chunks given whenever they lie in one chunk; bytes are copied only to join a message that
 * spans chunks.
 *
 * @example
 * ```ts
 * const splitter = new EventStreamSplitter();
 * for (const frame of splitter.push(chunk)) decodeEventStreamMessage(frame);
 * ```
 */
export class EventStreamSplitter {
  #pending: Uint8Array = new Uint8Array(0);

  /** Bytes that do not yet make a whole message; not zero at the end means a cut stream. */
  get pendingBytes(): number {
    return this.#pending.length;
  }

  /**
   * @param chunk - The next bytes of the stream.
   * @returns The messages completed by them, in order.
   * @throws Error when a length prefix is too short for any message.
   */
  push(chunk: Uint8Array): Uint8Array[] {
    let bytes = this.#pending.length === 0 ? chunk : concat(this.#pending, chunk);
    const frames: Uint8Array[] = [];
    while (bytes.length >= 4) {
      const length = readLength(bytes);
      if (length < MIN_MESSAGE_BYTES) {
        throw new Error(`event stream message of ${length} bytes is too short`);
      }
      if (bytes.length < length) break;
      frames.push(bytes.subarray(0, length));
      bytes = bytes.subarray(length);
    }
    this.#pending = bytes;
    return frames;
  }
}

/**
 * Decodes an event stream as its bytes arrive: {@link EventStreamSplitter} and then the SDK's
 * codec (CRCs checked) on each whole message.
 *
 * @example
 * ```ts
 * const decoder = new EventStreamDecoder();
 * for (const message of decoder.push(chunk)) console.log(message.headers[':event-type']?.value);
 * ```
 */
export class EventStreamDecoder {
  readonly #splitter = new EventStreamSplitter();

  /** Bytes of an unfinished message. */
  get pendingBytes(): number {
    return this.#splitter.pendingBytes;
  }

  /**
   * @param chunk - The next bytes of the stream.
   * @returns The messages completed by them, decoded, in order.
   */
  push(chunk: Uint8Array): Message[] {
    return this.#splitter.push(chunk).map(decodeEventStreamMessage);
  }
}

function readLength(bytes: Uint8Array): number {
  // Big-endian uint32; `* 2 ** 24` keeps the top byte from turning the number negative.
  return (
    (bytes[0] ?? 0) * 2 ** 24 + (((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0))
  );
}

function concat(head: Uint8Array, tail: Uint8Array): Uint8Array {
  const joined = new Uint8Array(head.length + tail.length);
  joined.set(head);
  joined.set(tail, head.length);
  return joined;
}
