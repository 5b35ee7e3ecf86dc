/**
 * local-lambda: runs the Node.js functions of SAM templates on one machine with Lambda's real
 * response streaming semantics, behind the real Lambda API (Invoke, InvokeWithResponseStream,
 * discovery) and one port per function URL, with SigV4 checked as AWS checks it.
 *
 * @example
 * ```ts
 * import { startLocalLambda } from '@lambda-streaming/local-lambda';
 *
 * const lambda = await startLocalLambda({ templates: ['template.yaml'], port: 0 });
 * console.log(lambda.endpoint, lambda.functions);
 * await lambda.close();
 * ```
 *
 * @module
 */
export {
  type AuthErrorType,
  type AuthFailure,
  type ReceivedRequest,
  toReceivedRequest,
} from '@lambda-streaming/streaming/protocol';
export type { ErrorDetailsFormat } from './api/api-context.js';
export { type ApiServerOptions, createApiServer } from './api/api-server.js';
export {
  createSigV4Verifier,
  type SigV4Result,
  type SigV4Verifier,
  type SigV4VerifierOptions,
} from './auth/verify-sigv4.js';
export {
  type FunctionError,
  FunctionNotFoundError,
  type InvocationHandle,
  type InvocationOutcome,
  type InvocationService,
  type InvokeRequest,
  type LimitOptions,
  type LocalFunction,
  type LocalFunctionUrl,
  type ResponseStart,
  TooManyRequestsError,
} from './core/contracts.js';
export {
  createInvocationService,
  type InvocationServiceOptions,
} from './core/invocation-service.js';
export type { FunctionLogger, LogRecord } from './core/logs.js';
export type { RuntimeClient } from './core/runtime-command.js';
export {
  DEFAULT_CREDENTIALS,
  DEFAULT_HOST,
  DEFAULT_MAX_CONCURRENCY,
  DEFAULT_MAX_RESPONSE_SIZE,
  DEFAULT_PORT,
  DEFAULT_REGION,
  DEFAULT_URL_PORT_BASE,
  LOCAL_ACCOUNT_ID,
  type LocalCredentials,
  MAX_PAYLOAD_BYTES,
} from './defaults.js';
export { PortInUseError } from './listen.js';
export { startLocalLambda } from './start-local-lambda.js';
export type { LocalLambda, ServedFunction, StartLocalLambdaOptions } from './start-options.js';
export type { UrlErrorMode } from './url/url-exchange.js';
export { createFunctionUrlServer, type FunctionUrlServerOptions } from './url/url-server.js';
