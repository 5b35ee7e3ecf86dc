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
export {
  DEFAULT_CREDENTIALS,
  DEFAULT_HOST,
  DEFAULT_IDLE_TIMEOUT_SECONDS,
  DEFAULT_LIFECYCLE,
  DEFAULT_MAX_CONCURRENCY,
  DEFAULT_MAX_RESPONSE_SIZE,
  DEFAULT_PORT,
  DEFAULT_REGION,
  DEFAULT_URL_PORT_BASE,
  type LifecycleOptions,
  type LimitOptions,
  LOCAL_ACCOUNT_ID,
  type LocalCredentials,
  MAX_PAYLOAD_BYTES,
} from './defaults.js';
export type { RuntimeClient } from './environments/runtime-command.js';
export type { UrlErrorMode } from './front-ends/function-urls/url-exchange.js';
export {
  createFunctionUrlServer,
  type FunctionUrlServerOptions,
} from './front-ends/function-urls/url-server.js';
export type { ErrorDetailsFormat } from './front-ends/lambda-api/api-context.js';
export { type ApiServerOptions, createApiServer } from './front-ends/lambda-api/api-server.js';
export type { RequestHook } from './front-ends/request-hook.js';
export type { FunctionError } from './functions/function-error.js';
export type { LocalFunction, LocalFunctionUrl } from './functions/local-function.js';
export {
  FunctionNotFoundError,
  type InvocationHandle,
  type InvocationOutcome,
  type InvocationService,
  type InvokeRequest,
  type ResponseStart,
  TooManyRequestsError,
} from './invocations/contracts.js';
export {
  createInvocationService,
  type InvocationServiceOptions,
} from './invocations/invocation-service.js';
export type { FunctionLogger, LogRecord } from './logs/function-logs.js';
export {
  createSigV4Verifier,
  type SigV4Result,
  type SigV4Verifier,
  type SigV4VerifierOptions,
} from './sigv4/verify-sigv4.js';
export { PortInUseError } from './start/listen.js';
export { startLocalLambda } from './start/start-local-lambda.js';
export type {
  LocalLambda,
  ServedFunction,
  StartLocalLambdaOptions,
} from './start/start-options.js';
