/**
 * The client side of Lambda response streaming: reading an `InvokeWithResponseStream` event
 * stream (chunks as they arrive, then `InvokeComplete` with typed errors and decoded tail logs),
 * calling function URLs signed with SigV4 without buffering the body, and timing responses
 * (time to first byte, time to last byte, chunk arrivals).
 *
 * `@aws-sdk/client-lambda` is referenced by type only; the SigV4 credential chain is loaded on
 * first use.
 *
 * @module
 */
export {
  type AwsCredentials,
  type AwsCredentialsProvider,
  resolveCredentials,
} from './credentials.js';
export {
  type CallFunctionUrlOptions,
  callFunctionUrl,
  type FunctionUrlResponse,
} from './function-url.js';
export {
  type CollectedInvokePayload,
  collectInvokePayload,
  type InvokePayloadsOptions,
  invokePayloads,
} from './invoke-payloads.js';
export {
  decodeLogResult,
  type InvokeChunkEvent,
  type InvokeCompleteEvent,
  type InvokeEventStream,
  type InvokeStreamEvent,
  type ReadInvokeStreamOptions,
  readInvokeStream,
} from './invoke-stream.js';
export {
  type InvokeCompletion,
  InvokeStreamError,
  MISSING_INVOKE_COMPLETE,
} from './invoke-stream-error.js';
export { regionFromFunctionUrl, signingRegion } from './region.js';
export { readSamconfigStackName, stackNameFromSamconfig } from './samconfig.js';
export {
  type FunctionUrlRequestInit,
  type PreparedRequest,
  prepareFunctionUrlRequest,
  type SigningOptions,
  signFunctionUrlRequest,
} from './sign-request.js';
export {
  type ChunkTiming,
  type ResponseTiming,
  type TimedIterable,
  type TimingOptions,
  timed,
  timeResponse,
} from './timing.js';
