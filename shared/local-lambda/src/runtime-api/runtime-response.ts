/**
 * One `/response` POST as it arrives from a runtime: buffered (Content-Length) or streamed
 * (`Lambda-Runtime-Function-Response-Mode: streaming`, chunked, error trailers at the end).
 * The core reads `body` at its own pace, so backpressure reaches the runtime's socket.
 *
 * Source: aws-lambda-runtime-interface-emulator `rapi/handler/invocationresponse.go`,
 * `core/directinvoke/directinvoke.go` (spec §2.3, §2.5).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DEFAULT_STREAM_CONTENT_TYPE,
  ERROR_BODY_TRAILER,
  ERROR_TYPE_TRAILER,
} from '@lambda-streaming/streaming/wire';
import type { FunctionError } from '../functions/function-error.js';
import { sendAccepted, sendRequestEntityTooLarge } from './runtime-api-render.js';
import { runtimeReportedError } from './runtime-errors.js';

/** How the runtime began its response. */
export interface ResponseStart {
  /** Content type the runtime gave its `/response` (default `application/octet-stream`). */
  contentType: string;
  /** `true` when the runtime streamed (`Lambda-Runtime-Function-Response-Mode: streaming`). */
  streamed: boolean;
}

/** How the runtime's request ended: read to its end (maybe with trailer error), or cut. */
export type ResponseEnd = { complete: true; error?: FunctionError } | { complete: false };

/** Reads the error trailers; both `Trailer:` spellings arrive the same way in `req.trailers`. */
function trailerError(req: IncomingMessage): FunctionError | undefined {
  const type = req.trailers[ERROR_TYPE_TRAILER.toLowerCase()];
  if (!type) return undefined;
  const encoded = req.trailers[ERROR_BODY_TRAILER.toLowerCase()] ?? '';
  return runtimeReportedError(Buffer.from(encoded, 'base64'), type, true);
}

/**
 * Resolves when the request was read to its end, or when its connection closed before the body
 * was complete. The socket is watched too: once the server has answered, a broken connection
 * no longer reaches the request object.
 */
function watchEnd(body: IncomingMessage): Promise<ResponseEnd> {
  return new Promise((resolve) => {
    const socket = body.socket;
    const cut = () => {
      if (!body.complete) resolve({ complete: false });
    };
    body.once('end', () => {
      socket?.off('close', cut);
      resolve({ complete: true, error: trailerError(body) });
    });
    body.once('close', cut);
    body.on('error', cut);
    socket?.once('close', cut);
  });
}

/**
 * A runtime's response in progress.
 *
 * @example
 * ```ts
 * response.body.pipe(out);
 * const end = await response.ended;
 * if (end.complete) response.accept();
 * ```
 */
export class RuntimeResponse {
  readonly start: ResponseStart;
  /** Content-Length of a buffered response, when the runtime sent one. */
  readonly contentLength: number | undefined;
  /** Resolves when the request is read to its end, or cut off. Never rejects. */
  readonly ended: Promise<ResponseEnd>;

  constructor(
    readonly requestId: string,
    readonly body: IncomingMessage,
    private readonly res: ServerResponse,
    private readonly onAnswered: () => void,
  ) {
    const streamed = body.headers['lambda-runtime-function-response-mode'] === 'streaming';
    const length = body.headers['content-length'];
    this.contentLength = length === undefined ? undefined : Number(length);
    this.start = {
      contentType: body.headers['content-type'] || DEFAULT_STREAM_CONTENT_TYPE,
      streamed,
    };
    this.ended = watchEnd(body);
    // A broken response still counts as sent for RAPID's state machine: /next is allowed again.
    void this.ended.then((end) => {
      if (!end.complete) onAnswered();
    });
  }

  /** Answers `202 {"status":"OK"}`: the response was taken. */
  accept(): void {
    sendAccepted(this.res);
    this.onAnswered();
  }

  /**
   * Answers 413 (`Connection: close`) and stops passing the body on. The rest of the body is read
   * and dropped first, and the answer waits for its end: a runtime that is still writing would
   * otherwise meet a reset, and RIC then either crashes or hangs, depending on which of the answer
   * and the reset it notices first (RAPID stops reading at once; UNCONFIRMED what Lambda does).
   */
  refuseTooLarge(maxBytes: number): void {
    this.body.unpipe();
    this.body.resume();
    void this.ended.then(() => {
      sendRequestEntityTooLarge(this.res, maxBytes);
      this.onAnswered();
    });
  }
}
