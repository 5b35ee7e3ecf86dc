import { pipeline } from 'node:stream/promises';
import { httpResponse, streamifyResponse } from '@lambda-streaming/streaming';
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { lines } from './lines.js';

/**
 * Streams five lines of text, one every 200 ms, through a function URL.
 *
 * The status (200) leaves with the first byte. If the source failed after that, the client would
 * keep the lines already sent and see the body end early: it can no longer get an error status.
 */
export const handler = streamifyResponse<LambdaFunctionURLEvent>(async (_event, stream) => {
  // Status and headers go out first, in the prelude; after this they can no longer change.
  const http = httpResponse(stream, {
    statusCode: 200,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'x-pattern': 'rest-api-stream',
    },
  });

  // pipeline() writes each line as it comes, waits for 'drain' when the client is slow, and
  // ends the response when the source is done.
  await pipeline(lines(), http);
});
