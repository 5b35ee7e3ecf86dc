import { streamifyResponse, writeChunk } from '@lambda-streaming/streaming';
import { spokenWords } from './words.js';

/**
 * Streams twelve words, one every 500 ms (about six seconds), then ends the stream.
 *
 * The template deploys this same code twice: as `HappyPathFunction`, and as `TimeoutFunction`
 * with `Timeout: 1`, which Lambda stops after the first two or three words. Bytes already sent
 * stay sent; an SDK client then reads `InvokeComplete.ErrorCode`, a function URL client just
 * sees the body stop.
 */
export const handler = streamifyResponse(async (_event, stream) => {
  // No HTTP prelude: InvokeWithResponseStream hands the bytes over as they are. Function URL
  // clients of this function receive this content type with status 200.
  stream.setContentType('text/plain; charset=utf-8');
  // writeChunk() waits for 'drain' when the client is slow.
  for await (const word of spokenWords()) await writeChunk(stream, word);
  stream.end();
});
