import { httpResponse, streamifyResponse, writeChunk } from '@lambda-streaming/streaming';
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { padSwitch, pageParts } from './page.js';

/**
 * Streams an HTML page in five parts, about a second apart, through a function URL.
 * `?pad=1` (or `PAD_CHUNKS=true`) pads the early parts so real function URLs flush them.
 */
export const handler = streamifyResponse<LambdaFunctionURLEvent>(async (event, stream) => {
  const pad = padSwitch(event.queryStringParameters?.pad, process.env.PAD_CHUNKS === 'true');
  if (pad === undefined) {
    // Bad input is answered before the first byte, while the status code can still say so.
    const http = httpResponse(stream, {
      statusCode: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    http.end('pad must be 1 or 0\n');
    return;
  }

  // Status and headers go out first, in the prelude; after this they can no longer change.
  const http = httpResponse(stream, {
    statusCode: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-pattern': 'ttfb-write',
    },
  });

  // Each part is written the moment it exists. writeChunk() waits for 'drain' when the
  // stream's buffer is full, so a slow client slows the function down instead of filling memory.
  for await (const part of pageParts({ pad })) {
    await writeChunk(http, part);
  }
  http.end();
});
