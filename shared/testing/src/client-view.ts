/**
 * What a client makes of the bytes a streaming handler sent: with the http-integration content
 * type, the JSON prelude before the 8 NUL bytes, and the body after them.
 */
import {
  decodeHttpPrelude,
  HTTP_INTEGRATION_CONTENT_TYPE,
  type HttpPrelude,
} from '@lambda-streaming/streaming/wire';
import type { RecordedChunk } from './slow-reader.js';

/**
 * Splits the chunks a client read into prelude and body.
 *
 * @example
 * ```ts
 * const view = new ClientView(reader.chunks, stream.contentType);
 * view.prelude?.statusCode; // 200
 * ```
 */
export class ClientView {
  readonly prelude: HttpPrelude | undefined;
  readonly body: Buffer;
  /** The non-empty body chunks, prelude and delimiter left out. */
  readonly chunks: RecordedChunk[];

  /**
   * @param read - The chunks in the order they were read.
   * @param contentType - The content type the response was sent with.
   */
  constructor(read: readonly RecordedChunk[], contentType: string) {
    const bytes = Buffer.concat(read.map((chunk) => chunk.data));
    const decoded =
      contentType === HTTP_INTEGRATION_CONTENT_TYPE ? decodeHttpPrelude(bytes) : undefined;
    this.prelude = decoded?.prelude;
    const bodyOffset = decoded ? bytes.length - decoded.rest.length : 0;
    this.body = bytes.subarray(bodyOffset);
    this.chunks = bodyChunks(read, bodyOffset);
  }
}

function bodyChunks(read: readonly RecordedChunk[], bodyOffset: number): RecordedChunk[] {
  let offset = 0;
  const chunks: RecordedChunk[] = [];
  for (const chunk of read) {
    const start = Math.max(bodyOffset - offset, 0);
    offset += chunk.data.length;
    if (start < chunk.data.length) chunks.push({ ...chunk, data: chunk.data.subarray(start) });
  }
  return chunks;
}
