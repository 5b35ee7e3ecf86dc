/**
 * Test helpers for response-streaming handlers: a response stream faithful to the Lambda
 * Node.js runtime that records timed chunks, the `awslambda` global, function URL events and
 * a context fixture.
 *
 * @module
 */
export { installAwslambdaGlobal } from './awslambda-global.js';
export { type ContextOptions, createContext } from './context.js';
export { type FunctionUrlEventOptions, functionUrlEvent, sampleEvent } from './events.js';
export {
  createResponseStream,
  type RecordedChunk,
  RecordingResponseStream,
  type ResponseStreamDouble,
  type ResponseStreamOptions,
} from './response-stream.js';
