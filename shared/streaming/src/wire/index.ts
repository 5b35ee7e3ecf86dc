/**
 * The wire format of Lambda response streaming, defined once for the whole repository: the
 * http-integration prelude and its delimiter, the streaming-handler tag, the runtime's
 * response-stream write semantics (per Node.js runtime: `nodejs22.x` and `nodejs24.x`), the
 * handler's view of the stream, the init checks, the error reports, and the Runtime API
 * header names. Test doubles, the local
 * runtime, the local emulator and the clients all import it from here.
 *
 * @module
 */
export {
  DEFAULT_STREAM_CONTENT_TYPE,
  ERROR_BODY_TRAILER,
  ERROR_TYPE_TRAILER,
  HIGH_WATER_MARK_SYMBOL,
  HTTP_INTEGRATION_CONTENT_TYPE,
  PRELUDE_DELIMITER_LENGTH,
  preludeDelimiter,
  RESPONSE_MODE_HEADER,
  STREAMING_HANDLER_SYMBOL,
  STREAMING_HANDLER_VALUE,
} from './constants.js';
export { InvalidStreamingOperation, PreludeError } from './errors.js';
export { createFunctionUrlEvent, type FunctionUrlRequest } from './function-url-event.js';
export { checkHandlerAtInit, type HandlerMetadata } from './handler-metadata.js';
export { type HandlerStreamView, handlerStreamView } from './handler-stream-view.js';
export {
  createAwslambdaGlobal,
  HttpResponseStream,
  isStreamingHandler,
  type RuntimeResponseStream,
  type StreamifyOptions,
  tagStreamingHandler,
} from './http-response-stream.js';
export {
  CALLBACK_HANDLER_DEPRECATED_MESSAGE,
  CALLBACK_HANDLER_DEPRECATED_MESSAGE_NODEJS22,
  IGNORED_RETURN_VALUE_WARNING,
  NODE_RUNTIMES,
  NON_ASYNC_STREAMING_HANDLER_MESSAGE,
  type NodeRuntime,
  nodeRuntimeOfExecutionEnv,
  type RuntimeSemantics,
  runtimeSemantics,
} from './node-runtimes.js';
export {
  type DecodedPrelude,
  decodeHttpPrelude,
  encodeHttpPrelude,
  type HttpPrelude,
  HttpPreludeDecoder,
} from './prelude.js';
export {
  applyResponseStreamSemantics,
  type BeforeFirstWriteHook,
  type ResponseStreamExtras,
} from './response-stream.js';
export {
  CallbackHandlerDeprecatedError,
  formatRuntimeError,
  MalformedStreamingHandler,
  type RuntimeErrorReport,
} from './runtime-errors.js';
