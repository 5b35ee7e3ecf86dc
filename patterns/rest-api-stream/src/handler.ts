import { pipeline } from 'node:stream/promises';
import { httpResponse, streamifyResponse } from '@lambda-streaming/streaming';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { reportParts } from './report.js';
import { ERROR_HEADERS, parseReportRequest, REPORT_HEADERS } from './request.js';

/**
 * GET /report/stream: streams the report through API Gateway, the title at once and each
 * section as soon as it is ready. The route's integration is `STREAM`, so API Gateway calls
 * this function with InvokeWithResponseStream and passes the bytes on as they come.
 *
 * The prelude written by `httpResponse()` (status, headers, then 8 NUL bytes) is what API
 * Gateway waits for before it answers the client; the same prelude as for a function URL.
 */
export const handler = streamifyResponse<APIGatewayProxyEvent>(async (event, stream) => {
  const parsed = parseReportRequest(event);
  if (!parsed.ok) {
    // Bad input is answered before the first byte, while the status code can still say so.
    const http = httpResponse(stream, { statusCode: 400, headers: ERROR_HEADERS });
    http.end(JSON.stringify({ message: parsed.message }));
    return;
  }
  const http = httpResponse(stream, { statusCode: 200, headers: REPORT_HEADERS });
  // pipeline() writes each part as it comes, waits for 'drain' when the client is slow, and
  // ends the response after the last section.
  await pipeline(reportParts(parsed.report), http);
});
