import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalFunction } from '../../functions/local-function.js';
import type { Logger } from '../../logs/emulator-logger.js';

/**
 * What a function URL does with the rest of a response once the function has failed after its
 * first byte (midstream error, timeout, oversize). UNCONFIRMED on AWS (spec §4.4, §10 item 4):
 * `abort` (default) closes the connection without the terminating chunk, so clients report a
 * truncated transfer (curl exit code 18); `end` finishes the response cleanly.
 */
export type UrlErrorMode = 'abort' | 'end';

/** One request to a function URL, and what answering it needs. */
export interface UrlExchange {
  req: IncomingMessage;
  res: ServerResponse;
  fn: LocalFunction;
  requestId: string;
  /** `X-Amzn-Trace-Id` of the request, also returned on the response. */
  traceId: string;
  logger: Logger;
  errorMode: UrlErrorMode;
}

/** A status, headers and cookies to send: from a prelude, a result object or the defaults. */
export interface ResponseHead {
  statusCode: number;
  headers: Record<string, unknown>;
  cookies: string[];
}

/** Thrown when the function's response cannot be turned into HTTP: the URL answers 502. */
export class InvalidFunctionResponse extends Error {
  override readonly name = 'InvalidFunctionResponse';
}
