import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { httpResponse, streamifyResponse } from '@lambda-streaming/streaming';
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { DOWNLOAD_FILE_NAME, GUIDE_FILE_NAME } from './guide-file.js';

// The build writes the PDF next to this file's bundle (dist/large-pdf/handler.mjs), so at run
// time it sits beside handler.mjs in /var/task: no S3 bucket, no network call.
const guide = new URL(`./${GUIDE_FILE_NAME}`, import.meta.url);

/**
 * Streams a ~7.4 MB PDF, larger than the 6 MB a buffered response may carry.
 *
 * There is no `content-length`: the body goes out in chunks as it is read. Past the first 6 MB
 * Lambda paces the stream at 2 MB/s. If reading fails halfway, the client has already received
 * status 200 and part of the file: it sees a body cut short (a PDF without its `%%EOF` end).
 */
export const handler = streamifyResponse<LambdaFunctionURLEvent>(async (_event, stream) => {
  const http = httpResponse(stream, {
    statusCode: 200,
    headers: {
      'content-type': 'application/pdf',
      // attachment: browsers save the file instead of opening it (curl ignores it unless -J).
      'content-disposition': `attachment; filename="${DOWNLOAD_FILE_NAME}"`,
    },
  });
  // pipeline() stops reading whenever the response stream's buffer is full and resumes on
  // 'drain' (backpressure): a slow client slows the reads, memory stays at a chunk or two.
  await pipeline(createReadStream(guide), http);
});
