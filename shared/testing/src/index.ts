/**
 * A test double faithful to the Lambda Node.js runtime for response-streaming handlers, for
 * vitest and jest: the `awslambda` global, a response stream that records what a client would
 * receive (prelude, timed chunks, error trailers, backpressure from a slow or paused reader),
 * a runner that invokes a handler as `nodejs22.x` or `nodejs24.x` does and reports how the
 * stream ended, function URL events and a context fixture.
 *
 * @module
 */
/// <reference types="aws-lambda" />
export type { NodeRuntime, RuntimeErrorReport } from '@lambda-streaming/streaming/wire';
export {
  type AwslambdaGlobal,
  installAwslambdaGlobal,
  removeAwslambdaGlobal,
} from './awslambda-global.js';
export { type ContextOptions, createContext } from './context.js';
export { type FunctionUrlEventOptions, functionUrlEvent, sampleEvent } from './events.js';
export type {
  InvokeOptions,
  RuntimeLogEntry,
  StreamEnd,
  StreamEndKind,
  StreamedInvocation,
} from './invocation-types.js';
export { invokeStreamingHandler } from './invoke.js';
export {
  createResponseStream,
  RecordingResponseStream,
  type ResponseStreamDouble,
  type ResponseStreamOptions,
} from './response-stream.js';
export { DEFAULT_RUNTIME, runtimeFromEnvironment } from './runtime-choice.js';
export type { RecordedChunk, RecordedWrite } from './slow-reader.js';
