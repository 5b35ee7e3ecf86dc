/**
 * The Runtime API's answers, with RAPID's status codes and JSON bodies, and a bounded body reader.
 *
 * Source: aws-lambda-runtime-interface-emulator `internal/lambda/rapi/rendering/render_error.go`,
 * `rendering.go`, `handler/constants.go` (spec §2.3, §2.4).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http/http-send.js';

/** `202 {"status":"OK"}`: RAPID's `RenderAccepted`. */
export function sendAccepted(res: ServerResponse): void {
  sendJson(res, 202, { status: 'OK' });
}

/** `400 InvalidRequestID`: the path's request id is not the current invocation's. */
export function sendInvalidRequestId(res: ServerResponse): void {
  sendJson(res, 400, { errorMessage: 'Invalid request ID', errorType: 'InvalidRequestID' });
}

/** `403 InvalidStateTransition`, e.g. `/error` while a `/response` is in progress. */
export function sendInvalidStateTransition(res: ServerResponse, from: string, to: string): void {
  sendJson(res, 403, {
    errorMessage: `State transition from ${from} to ${to} failed for runtime. Error: State transition is not allowed`,
    errorType: 'InvalidStateTransition',
  });
}

/** `413 RequestEntityTooLarge` for a response over the cap; the connection is closed after. */
export function sendRequestEntityTooLarge(res: ServerResponse, maxBytes: number): void {
  sendJson(
    res,
    413,
    {
      errorMessage: `Exceeded maximum allowed payload size (${maxBytes} bytes).`,
      errorType: 'RequestEntityTooLarge',
    },
    { Connection: 'close' },
  );
}

/** `400 InvalidFunctionResponseMode`: the response mode header is set but is not `streaming`. */
export function sendInvalidResponseMode(res: ServerResponse): void {
  sendJson(res, 400, {
    errorMessage: 'Invalid function response mode',
    errorType: 'InvalidFunctionResponseMode',
  });
}

/** `500 InternalServerError`: RAPID's `RenderInternalServerError`. */
export function sendInternalServerError(res: ServerResponse): void {
  sendJson(res, 500, { errorMessage: 'Internal Server Error', errorType: 'InternalServerError' });
}

/** `404` as chi's router answers an unknown route. */
export function sendNotFound(res: ServerResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('404 page not found\n');
}

/**
 * Reads a request body, keeping at most `maxBytes` (the rest is read and dropped).
 *
 * @returns The kept bytes; empty when the connection broke first.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    req.on('data', (chunk: Buffer) => {
      const room = maxBytes - kept;
      if (room <= 0) return;
      const piece = chunk.length > room ? chunk.subarray(0, room) : chunk;
      chunks.push(piece);
      kept += piece.length;
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.alloc(0)));
    req.on('close', () => resolve(Buffer.concat(chunks)));
  });
}

/** The `Lambda-Runtime-Function-Error-Type` header, when set. */
export function errorTypeHeader(req: IncomingMessage): string | undefined {
  const value = req.headers['lambda-runtime-function-error-type'];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
