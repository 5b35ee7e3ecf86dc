/**
 * Reads an `InvokeWithResponseStream` HTTP body into payload bytes and the completion, with
 * `@smithy/eventstream-codec` (the SDK's own decoder, CRCs checked) on whole messages.
 */
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { FrameSplitter } from './frame-splitter.js';

/** What `InvokeComplete` said. */
export interface Completion {
  errorCode?: string;
  errorDetails?: string;
}

const codec = new EventStreamCodec(toUtf8, fromUtf8);

/**
 * Turns the raw body of an `InvokeWithResponseStream` response into payloads.
 *
 * @example
 * ```ts
 * const reader = new EventStreamBody();
 * response.on('data', (chunk) => reader.push(chunk).forEach(hash.update, hash));
 * reader.completion; // { } on success
 * ```
 */
export class EventStreamBody {
  private readonly splitter = new FrameSplitter();
  /** The `InvokeComplete` event, once it arrived. */
  completion: Completion | undefined;

  /**
   * @param chunk - Bytes of the HTTP body.
   * @returns The `PayloadChunk` payloads they completed.
   */
  push(chunk: Buffer): Uint8Array[] {
    const payloads: Uint8Array[] = [];
    for (const frame of this.splitter.push(chunk)) {
      const message = codec.decode(frame);
      const type = message.headers[':event-type']?.value;
      if (type === 'PayloadChunk') payloads.push(message.body);
      else if (type === 'InvokeComplete') this.completion = readCompletion(message.body);
    }
    return payloads;
  }
}

function readCompletion(body: Uint8Array): Completion {
  const fields = JSON.parse(toUtf8(body)) as { ErrorCode?: string; ErrorDetails?: string };
  return {
    ...(fields.ErrorCode !== undefined ? { errorCode: fields.ErrorCode } : {}),
    ...(fields.ErrorDetails !== undefined ? { errorDetails: fields.ErrorDetails } : {}),
  };
}
