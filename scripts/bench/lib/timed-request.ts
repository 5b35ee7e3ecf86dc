/**
 * Sends one prepared (already signed) request and times its body: first byte, last byte, every
 * chunk, with an optional SHA-256 and an optional slow reader. Signing happens before the clock
 * starts, so the client's SigV4 work is never counted as the server's time.
 */
import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { ChunkTiming, PreparedRequest } from '@lambda-streaming/streaming/client';
import { type Completion, EventStreamBody } from './event-stream-body.js';

/** How to read the response. */
export interface TimedRequestOptions {
  /** A keep-alive agent, so connection setup is not timed (after the first request). */
  agent?: http.Agent;
  /** `event-stream`: the body is an `InvokeWithResponseStream` event stream; time its payloads. */
  body?: 'raw' | 'event-stream';
  /** Compute the SHA-256 of the payload bytes. */
  hash?: boolean;
  /** Keep every chunk's arrival (for charts and timelines). */
  keepChunks?: boolean;
  /** Read no faster than this (bytes per second): a slow client. */
  readBytesPerSecond?: number;
  /** Stop at the first payload byte: close the connection and resolve (`complete: false`). */
  untilFirstByte?: boolean;
  /** Called once, at the first payload byte. */
  onFirstByte?: () => void;
}

/** The response, timed from just before the request was sent. */
export interface TimedResponse {
  statusCode: number;
  /** First payload byte; `undefined` when none arrived. */
  ttfbMs: number | undefined;
  /** End of the response. */
  ttlbMs: number;
  bytes: number;
  chunkCount: number;
  chunks: ChunkTiming[];
  sha256?: string;
  /** `false` when the connection ended before the response did. */
  complete: boolean;
  /** The event stream's `InvokeComplete`. */
  completion?: Completion;
}

/**
 * Sends a request and reads its response to the end.
 *
 * @param request - From `prepareFunctionUrlRequest` or `signFunctionUrlRequest`.
 * @param options - Agent, body kind, hashing, chunk list, slow reading.
 * @returns The timing; rejects on a network error.
 * @example
 * ```ts
 * const timing = await timedRequest(await signFunctionUrlRequest(url, { region }), { agent });
 * ```
 */
export function timedRequest(
  request: PreparedRequest,
  options: TimedRequestOptions = {},
): Promise<TimedResponse> {
  return new Promise((resolve, reject) => {
    const startMs = performance.now();
    const outgoing = http.request(
      request.url,
      { method: request.method, headers: request.headers, agent: options.agent },
      (incoming) => {
        const reader = new BodyReader(incoming, startMs, options);
        let settled = false;
        const settle = (complete: boolean) => {
          if (!settled) resolve(reader.result(complete));
          settled = true;
        };
        incoming.on('data', (chunk: Buffer) => {
          reader.data(chunk);
          if (!options.untilFirstByte || reader.bytesSoFar === 0) return;
          settle(false);
          incoming.destroy();
        });
        incoming.on('end', () => settle(true));
        incoming.on('error', () => settle(false));
        incoming.on('close', () => settle(false));
      },
    );
    outgoing.once('error', reject);
    outgoing.end(request.body);
  });
}

class BodyReader {
  private readonly hash;
  private readonly events: EventStreamBody | undefined;
  private readonly chunks: ChunkTiming[] = [];
  private ttfbMs: number | undefined;
  private bytes = 0;
  private chunkCount = 0;

  get bytesSoFar(): number {
    return this.bytes;
  }

  constructor(
    private readonly incoming: http.IncomingMessage,
    private readonly startMs: number,
    private readonly options: TimedRequestOptions,
  ) {
    this.hash = options.hash ? createHash('sha256') : undefined;
    this.events = options.body === 'event-stream' ? new EventStreamBody() : undefined;
  }

  data(chunk: Buffer): void {
    const atMs = performance.now() - this.startMs;
    const payloads = this.events ? this.events.push(chunk) : [chunk];
    for (const payload of payloads) {
      if (payload.byteLength === 0) continue;
      if (this.ttfbMs === undefined) {
        this.ttfbMs = atMs;
        this.options.onFirstByte?.();
      }
      this.bytes += payload.byteLength;
      this.chunkCount += 1;
      this.hash?.update(payload);
      if (this.options.keepChunks) this.chunks.push({ atMs, bytes: payload.byteLength });
    }
    this.throttle(atMs);
  }

  result(complete: boolean): TimedResponse {
    return {
      statusCode: this.incoming.statusCode ?? 0,
      ttfbMs: this.ttfbMs,
      ttlbMs: performance.now() - this.startMs,
      bytes: this.bytes,
      chunkCount: this.chunkCount,
      chunks: this.chunks,
      ...(this.hash ? { sha256: this.hash.digest('hex') } : {}),
      complete: complete && this.incoming.complete,
      ...(this.events?.completion ? { completion: this.events.completion } : {}),
    };
  }

  /** A slow client: pause until the bytes read so far fit the rate. */
  private throttle(atMs: number): void {
    const rate = this.options.readBytesPerSecond;
    if (!rate) return;
    const aheadMs = (this.bytes / rate) * 1000 - atMs;
    if (aheadMs <= 1) return;
    this.incoming.pause();
    setTimeout(() => this.incoming.resume(), aheadMs);
  }
}
