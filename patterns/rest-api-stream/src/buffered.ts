import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { reportParts } from './report.js';
import { ERROR_HEADERS, parseReportRequest, REPORT_HEADERS } from './request.js';

/**
 * GET /report/buffered: the same report as `handler.ts`, from the same generator, returned whole.
 *
 * A plain async handler on purpose: behind a `BUFFERED` integration API Gateway calls `Invoke`
 * and expects the proxy result object (`statusCode`, `headers`, `body`). A streaming handler
 * there would hand it a prelude and raw bytes instead (see the README).
 */
export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const parsed = parseReportRequest(event);
  if (!parsed.ok) {
    return {
      statusCode: 400,
      headers: ERROR_HEADERS,
      body: JSON.stringify({ message: parsed.message }),
    };
  }
  let body = '';
  for await (const part of reportParts(parsed.report)) body += part;
  return { statusCode: 200, headers: REPORT_HEADERS, body };
}
