import { streamifyResponse, writeChunk } from '@lambda-streaming/streaming';
import { spokenWords, WORDS_BEFORE_ERROR } from './words.js';

/**
 * Streams four words, then fails with `Error('This is a custom error mid-stream!')`.
 *
 * The status (200) went out with the first byte and cannot change. The handler lets the
 * error escape with the stream still open: the runtime then closes the stream with the error
 * attached, and Lambda reports it to SDK clients in `InvokeComplete.ErrorCode` and
 * `ErrorDetails`. A function URL client only sees a body that stops after four words.
 */
export const handler = streamifyResponse(async (_event, stream) => {
  stream.setContentType('text/plain; charset=utf-8');
  // A write loop rather than pipeline(): when the source fails, pipeline() destroys the
  // response stream, and the runtime could no longer attach the error to it.
  for await (const word of spokenWords({ failAfter: WORDS_BEFORE_ERROR })) {
    await writeChunk(stream, word);
  }
  stream.end();
});
