/** What the fake Runtime API serves and records, and helpers to read the records. */
import type http from 'node:http';

/** An event the next `/next` answers with. */
export interface QueuedInvocation {
  requestId?: string;
  event?: unknown;
  /** Extra or overriding `/next` headers. */
  headers?: Record<string, string>;
  deadlineMs?: number;
}

/** A chunk of a `/response` body as it arrived. */
export interface RecordedChunk {
  seq: number;
  data: Buffer;
}

/** A `/response` POST, streamed or buffered. */
export interface RecordedResponse {
  requestId: string;
  seq: number;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  chunks: RecordedChunk[];
  /** Set once the body (and its trailers) ended; `undefined` while open. */
  endSeq?: number;
  trailers: Record<string, string>;
  /** The connection went away before the body ended. */
  aborted: boolean;
}

/** A `/error` or `/init/error` POST. */
export interface RecordedError {
  requestId?: string;
  seq: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** What the fake answered: 403 when a response had started (RAPID), else 202. */
  status: number;
}

/** The body of a recorded response as one buffer. */
export function bodyOf(response: RecordedResponse): Buffer {
  return Buffer.concat(response.chunks.map((chunk) => chunk.data));
}

/** The decoded `Lambda-Runtime-Function-Error-Body` trailer. */
export function errorBodyTrailer(response: RecordedResponse): Record<string, unknown> {
  const encoded = response.trailers['lambda-runtime-function-error-body'] ?? '';
  return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as Record<string, unknown>;
}
