/**
 * Reads an `InvokeWithResponseStream` HTTP body into payload bytes and the completion, straight
 * from the socket's chunks with the protocol toolkit's reader (the SDK's own codec, CRCs
 * checked), so that the figures carry no SDK client overhead.
 */
import { InvokeStreamReader } from '@lambda-streaming/streaming/protocol';

/** What `InvokeComplete` said. */
export interface Completion {
  errorCode?: string;
  errorDetails?: string;
}

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
  private readonly reader = new InvokeStreamReader();
  /** The `InvokeComplete` event, once it arrived. */
  completion: Completion | undefined;

  /**
   * @param chunk - Bytes of the HTTP body.
   * @returns The `PayloadChunk` payloads they completed.
   */
  push(chunk: Uint8Array): Uint8Array[] {
    const payloads: Uint8Array[] = [];
    for (const event of this.reader.push(chunk)) {
      if (event.type === 'PayloadChunk') payloads.push(event.payload);
      else if (event.type === 'InvokeComplete') {
        const { errorCode, errorDetails } = event;
        this.completion = {
          ...(errorCode !== undefined ? { errorCode } : {}),
          ...(errorDetails !== undefined ? { errorDetails } : {}),
        };
      }
    }
    return payloads;
  }
}
