/**
 * The AWS protocol toolkit: SigV4 signing and verification, and event-stream framing
 * (`application/vnd.amazon.eventstream`), on top of the SDK's own `@smithy/signature-v4` and
 * `@smithy/eventstream-codec`. What AWS does not ship is here: verifying a received request as
 * the service does (Authorization header, credential scope, clock, session token, the canonical
 * request of `lambda` and `execute-api`, a constant-time compare, AWS's failure types and
 * messages), and reading an event stream whose frames are split across chunks.
 *
 * It runs in the browser as well as in Node (no `node:` imports): the SHA-256 is injectable,
 * `@aws-crypto/sha256-js` by default; in Node pass `NodeSha256` from
 * `@lambda-streaming/streaming/node-sha256`.
 *
 * @module
 */
export {
  type AuthErrorType,
  type AuthFailure,
  INVALID_TOKEN_MESSAGE,
  SIGNATURE_MISMATCH_MESSAGE,
} from './auth-failure.js';
export { type ParsedAuthorization, parseAuthorization } from './authorization-header.js';
export type { SigV4Credentials } from './credentials.js';
export {
  decodeEventStreamMessage,
  encodeEventStreamMessage,
  type Message,
  type MessageHeaders,
} from './event-stream-codec.js';
export { EventStreamDecoder, EventStreamSplitter } from './event-stream-splitter.js';
export {
  InvokeStreamReader,
  type InvokeWithResponseStreamEvent,
  toInvokeStreamEvent,
} from './invoke-stream-events.js';
export {
  EVENT_STREAM_CONTENT_TYPE,
  type InvokeCompleteFields,
  invokeCompleteFrame,
  MAX_CHUNK_PAYLOAD_BYTES,
  payloadChunkFrame,
  payloadChunkFrames,
} from './invoke-stream-frames.js';
export {
  type ReceivedRequest,
  type RequestHead,
  splitTarget,
  toReceivedRequest,
} from './received-request.js';
export {
  DEFAULT_SHA256,
  type Sha256Constructor,
  type Sha256Data,
  type Sha256Hash,
} from './sha256.js';
export {
  createSigV4Signer,
  type RequestToSign,
  type SignedRequest,
  type SigV4Signer,
  type SigV4SignerOptions,
  withCanonicalQuery,
} from './sign-request.js';
export {
  createSigV4Verifier,
  type ReceivedHead,
  type SigV4Result,
  type SigV4Verifier,
  type SigV4VerifierOptions,
} from './verify-sigv4.js';
