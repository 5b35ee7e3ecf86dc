import type { InvokeCase } from './cases.js';

/** What the client prints about `InvokeComplete` (the shared reader's event, decoded logs). */
export interface CompletionView {
  atMs: number;
  errorCode: string | undefined;
  errorDetails: string | undefined;
  logResult: string | undefined;
  bytesReceived: number;
}

/** What the client prints once the response headers are in. */
export interface ResponseView {
  atMs: number;
  statusCode: number | undefined;
  executedVersion: string | undefined;
  contentType: string | undefined;
}

const ms = (value: number) => `${Math.round(value)} ms`.padStart(8);
const indent = (text: string, prefix: string) =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');

/**
 * The banner printed before an invocation.
 *
 * @param invokeCase - The demonstration.
 * @param functionName - The function about to be invoked.
 * @returns Two lines: what runs, and what should happen.
 * @example
 * ```ts
 * formatHeading(CASES[0], 'HappyPathFunction');
 * ```
 */
export function formatHeading(invokeCase: InvokeCase, functionName: string): string {
  return `=== ${invokeCase.name}: ${functionName}\n    expect ${invokeCase.expectation}`;
}

/**
 * The line printed when `send()` resolves: the HTTP status is already final here.
 *
 * @param response - Status, executed version and content type of the response.
 * @returns One line.
 * @example
 * ```ts
 * formatResponse({ atMs: 48, statusCode: 200, executedVersion: '$LATEST', contentType: undefined });
 * ```
 */
export function formatResponse(response: ResponseView): string {
  const details = [
    `HTTP ${response.statusCode ?? '?'}`,
    response.executedVersion && `version ${response.executedVersion}`,
    response.contentType && `content-type ${response.contentType}`,
  ].filter(Boolean);
  return `${ms(response.atMs)}  response: ${details.join(', ')}`;
}

/**
 * One `PayloadChunk`, with its arrival time and its text quoted (so spaces and newlines show).
 *
 * @param atMs - Milliseconds since the request was sent.
 * @param bytes - Size of the chunk.
 * @param text - The chunk decoded as UTF-8.
 * @returns One line.
 * @example
 * ```ts
 * formatChunk(503.2, 9, 'function '); // '  503 ms  PayloadChunk   9 B  "function "'
 * ```
 */
export function formatChunk(atMs: number, bytes: number, text: string): string {
  return `${ms(atMs)}  PayloadChunk ${String(bytes).padStart(3)} B  ${JSON.stringify(text)}`;
}

/**
 * The `InvokeComplete` block: error code and details (pretty-printed when they are JSON), then
 * the decoded tail of the function's log.
 *
 * @param completion - The completion event.
 * @returns Several lines.
 * @example
 * ```ts
 * formatCompletion({ atMs: 6010, errorCode: undefined, errorDetails: undefined,
 *   logResult: 'START ...', bytesReceived: 72 });
 * ```
 */
export function formatCompletion(completion: CompletionView): string {
  const lines = [
    `${ms(completion.atMs)}  InvokeComplete after ${completion.bytesReceived} bytes`,
    `            ErrorCode:    ${completion.errorCode ?? '(none)'}`,
    `            ErrorDetails:${formatDetails(completion.errorDetails)}`,
    '            LogResult (decoded):',
    completion.logResult
      ? indent(completion.logResult, '              | ')
      : '              (none)',
  ];
  return lines.join('\n');
}

/**
 * The closing line of an invocation.
 *
 * @param invokeCase - The demonstration.
 * @param asExpected - Whether it behaved as promised.
 * @returns One line.
 * @example
 * ```ts
 * formatVerdict(CASES[1], true); // 'ok  midstream-error behaved as expected'
 * ```
 */
export function formatVerdict(invokeCase: InvokeCase, asExpected: boolean): string {
  return asExpected
    ? `ok  ${invokeCase.name} behaved as expected`
    : `NOT OK  ${invokeCase.name} did not behave as expected (${invokeCase.expectation})`;
}

function formatDetails(details: string | undefined): string {
  if (details === undefined || details === '') return ' (none)';
  try {
    const parsed: unknown = JSON.parse(details);
    if (typeof parsed === 'object' && parsed !== null) {
      return `\n${indent(JSON.stringify(parsed, null, 2), '              ')}`;
    }
  } catch {
    // Not JSON: print it as sent.
  }
  return ` ${details}`;
}
