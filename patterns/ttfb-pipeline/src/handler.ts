import { pipeline } from 'node:stream/promises';
import { flushingGzip, httpResponse, streamifyResponse } from '@lambda-streaming/streaming';
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { parseOptions } from './options.js';
import { readingLines } from './readings.js';

/**
 * Streams sensor readings as gzip-compressed NDJSON, one record every `intervalMs`
 * (`?count=20&intervalMs=250` by default), through a function URL.
 */
export const handler = streamifyResponse<LambdaFunctionURLEvent>(async (event, stream) => {
  const parsed = parseOptions(event.queryStringParameters);
  if (!parsed.ok) {
    // Bad input is answered before the first byte, while the status code can still say so.
    const http = httpResponse(stream, {
      statusCode: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    http.end(`${parsed.message}\n`);
    return;
  }

  // A gzip *file*, not Content-Encoding: function URLs in streaming mode have been reported to
  // drop Content-Encoding (runtime client issue #96), so the bytes mean the same everywhere.
  const http = httpResponse(stream, {
    statusCode: 200,
    headers: {
      'content-type': 'application/gzip',
      'content-disposition': 'attachment; filename="readings.ndjson.gz"',
      'cache-control': 'no-store',
      'x-pattern': 'ttfb-pipeline',
    },
  });

  // pipeline() pulls one line at a time from the source, compresses it, writes it, respects
  // backpressure at every step and ends the response. flushingGzip() flushes after every line;
  // a plain createGzip() would hold the bytes back until the end and undo the streaming.
  await pipeline(readingLines(parsed.options), flushingGzip(), http);
});
