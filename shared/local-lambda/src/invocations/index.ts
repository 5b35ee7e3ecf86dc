/**
 * The emulator's core: execution environments that speak the Lambda Runtime API, the invocation
 * lifecycle (timeouts, size caps, bandwidth), and function logs. Front ends use
 * {@link createInvocationService} and the types of `contracts.ts`.
 *
 * @module
 */

export type { Credentials } from '../environments/environment-variables.js';
export {
  LOCAL_BOOTSTRAP_PATH,
  type RuntimeClient,
  RuntimeClientNotFoundError,
  resolveRuntimeCommand,
} from '../environments/runtime-command.js';
export {
  type ConsoleLoggerOptions,
  createConsoleLogger,
  type FunctionLogger,
  LOG_TAIL_BYTES,
  type LogRecord,
} from '../logs/function-logs.js';
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
} from './contracts.js';
export { createInvocationService, type InvocationServiceOptions } from './invocation-service.js';
export {
  DEFAULT_LIMITS,
  DEFAULT_MAX_STREAMED_RESPONSE_BYTES,
  MAX_BUFFERED_RESPONSE_BYTES,
  resolveLimits,
} from './limits.js';
