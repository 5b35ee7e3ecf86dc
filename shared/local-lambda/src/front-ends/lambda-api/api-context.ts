import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InvocationService } from '../../invocations/contracts.js';
import type { EventQueue } from '../../invocations/events/event-queue.js';
import type { Logger } from '../../logs/emulator-logger.js';
import type { FunctionScope } from './function-name.js';
import type { ShapeContext } from './function-shapes.js';

/**
 * What `InvokeComplete.ErrorDetails` carries. UNCONFIRMED (spec §3.6, §10 item 2): `message` is
 * the error message (default); `payload` is the error JSON the runtime reported.
 */
export type ErrorDetailsFormat = 'message' | 'payload';

/** Everything the API's operations share. */
export interface ApiContext extends FunctionScope, ShapeContext {
  service: InvocationService;
  logger: Logger;
  errorDetails: ErrorDetailsFormat;
  /** Where `Event` invocations wait for an environment. */
  events: EventQueue;
}

/** One verified request to an operation. */
export interface ApiCall {
  req: IncomingMessage;
  res: ServerResponse;
  body: Buffer;
  requestId: string;
  /** The decoded `{FunctionName}` label, for operations that have one. */
  functionName: string;
  query: URLSearchParams;
}
