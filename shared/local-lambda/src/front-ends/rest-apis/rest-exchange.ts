import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SamRestRoute } from '@lambda-streaming/sam-template';
import type { LimitOptions } from '../../defaults.js';
import type { Logger } from '../../logs/emulator-logger.js';
import type { LocalRestApi } from './local-rest-api.js';

/** The ids API Gateway gives each request, sent back on every response. */
export interface RestIds {
  /** `x-amzn-RequestId` and `requestContext.requestId` (equality probable, UNCONFIRMED). */
  requestId: string;
  /** `x-amz-apigw-id` and `requestContext.extendedRequestId`. */
  extendedRequestId: string;
  /** `X-Amzn-Trace-Id` (`Root=...`). */
  traceId: string;
}

/** One request to a REST API route, and what answering it needs. */
export interface RestExchange {
  req: IncomingMessage;
  res: ServerResponse;
  api: LocalRestApi;
  route: SamRestRoute;
  ids: RestIds;
  logger: Logger;
  /** Lambda's limit decides whether API Gateway's own (10 MB, then 2 MB/s) applies too. */
  bandwidthLimit: LimitOptions['bandwidthLimit'];
}

/** A status and headers (multi-value) to send. */
export interface RestHead {
  statusCode: number;
  headers: Map<string, string[]>;
}

/** Thrown when a function's answer cannot become an HTTP response: API Gateway's 502. */
export class MalformedProxyResponse extends Error {
  override readonly name = 'MalformedProxyResponse';
}
