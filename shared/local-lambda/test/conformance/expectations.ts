/**
 * Assertions shared by the cases, each on one path's normalized observation: how a function URL
 * response ends for curl, what InvokeWithResponseStream and Invoke report.
 */
import { expect } from 'vitest';
import { bodyText } from './body-view.js';
import type { InvokeObservation, StreamObservation } from './observe-sdk.js';
import type { UrlObservation } from './observe-url.js';

/** curl's message for a chunked response cut before its terminating chunk (exit code 18). */
export const CURL_CUT = 'curl: (18) transfer closed with outstanding read data remaining';

/** A URL response that ended cleanly with this status, content type and body. */
export function expectUrlComplete(
  url: UrlObservation,
  status: number,
  contentType: string | undefined,
  body: UrlObservation['body'],
): void {
  expect(url.curlExitCode).toBe(0);
  expect(url.status).toBe(status);
  expect(url.headers['content-type']).toEqual(
    contentType === undefined ? undefined : [contentType],
  );
  expect(url.body).toEqual(body);
}

/** A 200 URL response whose body stopped after `body`, without the terminating chunk. */
export function expectUrlCut(url: UrlObservation, contentType: string, body: string): void {
  expect(url.status).toBe(200);
  expect(url.headers['content-type']).toEqual([contentType]);
  expect(url.headers['transfer-encoding']).toEqual(['chunked']);
  expect(url.body).toEqual({ text: body });
  expect(url.curlExitCode).toBe(18);
  expect(url.curlError).toBe(CURL_CUT);
}

/** The URL's `502 Internal Server Error`, complete. */
export function expectUrlBadGateway(url: UrlObservation): void {
  expectUrlComplete(url, 502, 'text/plain; charset=utf-8', { text: 'Internal Server Error' });
}

/** An event stream with this payload and a successful InvokeComplete. */
export function expectStreamSuccess(stream: StreamObservation, body: StreamObservation['body']) {
  expect(stream.error).toBeUndefined();
  expect(stream.statusCode).toBe(200);
  expect(stream.contentType).toBe('application/vnd.amazon.eventstream');
  expect(stream.body).toEqual(body);
  expect(stream.completeEvents).toBe(1);
  expect(stream.errorCode).toBeUndefined();
  expect(stream.errorDetails).toBeUndefined();
}

/** An event stream with this payload, then an InvokeComplete carrying the error. */
export function expectStreamFailure(
  stream: StreamObservation,
  body: string,
  errorCode: string,
  errorDetails: string,
): void {
  expect(stream.error).toBeUndefined();
  expect(stream.statusCode).toBe(200);
  expect(stream.body).toEqual({ text: body });
  expect(stream.completeEvents).toBe(1);
  expect(stream.errorCode).toBe(errorCode);
  expect(stream.errorDetails).toBe(errorDetails);
}

/** A buffered Invoke that returned this body without a function error. */
export function expectInvokeSuccess(invoke: InvokeObservation, body: InvokeObservation['body']) {
  expect(invoke.error).toBeUndefined();
  expect(invoke.statusCode).toBe(200);
  expect(invoke.functionError).toBeUndefined();
  expect(invoke.executedVersion).toBe('$LATEST');
  expect(invoke.body).toEqual(body);
}

/** A buffered Invoke answered 200 with `X-Amz-Function-Error: Unhandled` and this error. */
export function expectInvokeFailure(
  invoke: InvokeObservation,
  error: { errorType: string; errorMessage: string; trace?: unknown },
): void {
  expect(invoke.statusCode).toBe(200);
  expect(invoke.functionError).toBe('Unhandled');
  expect(JSON.parse(bodyText(invoke.body))).toEqual(error);
}

/** `RequestId: <id> Error: Runtime exited with error: exit status N` (RAPID's wording). */
export function exitMessage(code: number): string {
  return `RequestId: <id-1> Error: Runtime exited with error: exit status ${code}`;
}

/** The log tail contains a line matching the pattern. */
export function expectLogLine(logs: string[] | undefined, pattern: RegExp): void {
  expect(logs).toContainEqual(expect.stringMatching(pattern));
}
