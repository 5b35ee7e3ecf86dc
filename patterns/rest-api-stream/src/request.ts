import type { APIGatewayProxyEvent } from 'aws-lambda';
import { type ReportRequest, SECTIONS } from './report.js';

/** The report asked for, or why the request is refused. */
export type ParsedRequest =
  | { readonly ok: true; readonly report: ReportRequest }
  | { readonly ok: false; readonly message: string };

/** Response headers of the report on both routes. */
export const REPORT_HEADERS = {
  'content-type': 'text/markdown; charset=utf-8',
  'cache-control': 'no-store',
  'x-pattern': 'rest-api-stream',
} as const;

/** Response headers of a refused request: a JSON body, as API Gateway's own errors. */
export const ERROR_HEADERS = { 'content-type': 'application/json' } as const;

/**
 * Reads what the report should hold from the REST API's proxy event (payload format 1.0):
 * `?sections=N` (1 to 5, all five by default) and the caller that API Gateway verified.
 *
 * @param event - The event of a Lambda proxy integration.
 * @returns The report, or a message for a 400 answer.
 * @example
 * ```ts
 * parseReportRequest(event); // { ok: true, report: { sections: 5, preparedFor: 'arn:aws:iam::…' } }
 * ```
 */
export function parseReportRequest(event: APIGatewayProxyEvent): ParsedRequest {
  const preparedFor = event.requestContext?.identity?.userArn ?? 'an unsigned caller';
  const raw = event.queryStringParameters?.sections;
  if (raw === undefined) return { ok: true, report: { sections: SECTIONS.length, preparedFor } };
  const sections = Number(raw);
  if (!/^\d+$/.test(raw) || sections < 1 || sections > SECTIONS.length) {
    return { ok: false, message: `sections must be a whole number from 1 to ${SECTIONS.length}` };
  }
  return { ok: true, report: { sections, preparedFor } };
}
