import { finished } from 'node:stream/promises';
import {
  HTTP_INTEGRATION_CONTENT_TYPE,
  HttpPreludeDecoder,
} from '@lambda-streaming/streaming/wire';
import type { InvocationHandle, ResponseStart } from '../../invocations/contracts.js';
import { headFromPrelude, setHead } from './response-head.js';
import { sendBadGateway } from './url-errors.js';
import type { ResponseHead, UrlExchange } from './url-exchange.js';

/**
 * Answers a `RESPONSE_STREAM` URL request from a running invocation (spec §4.4): the head goes
 * out with the first body byte (status and headers from the prelude when the content type is
 * http-integration, else 200 and the runtime's content type), then every chunk is written as it
 * arrives, never coalesced. Before any body byte, a failure is a 502; after it, the response is
 * cut off (or ended cleanly, per `errorMode`).
 *
 * @param exchange - The request being answered.
 * @param handle - The invocation.
 * @example
 * ```ts
 * await streamToUrlResponse(exchange, service.invoke({ ...request, delivery: 'stream' }));
 * ```
 */
export async function streamToUrlResponse(
  exchange: UrlExchange,
  handle: InvocationHandle,
): Promise<void> {
  const { res } = exchange;
  res.on('close', () => {
    if (res.writableFinished) return;
    handle.discard();
    handle.body.resume();
  });
  const start = await handle.started;
  if (!start) {
    handle.body.resume();
    await handle.outcome;
    return sendBadGateway(res, exchange.requestId);
  }
  await new StreamRelay(exchange, handle, start).run();
}

class StreamRelay {
  readonly #decoder: HttpPreludeDecoder | undefined;
  #headSent = false;
  #failed = false;

  constructor(
    readonly exchange: UrlExchange,
    readonly handle: InvocationHandle,
    readonly start: ResponseStart,
  ) {
    const withPrelude = start.contentType.split(';')[0]?.trim() === HTTP_INTEGRATION_CONTENT_TYPE;
    this.#decoder = withPrelude ? new HttpPreludeDecoder() : undefined;
  }

  async run(): Promise<void> {
    const { body } = this.handle;
    body.on('error', () => {}); // the outcome says how the invocation ended
    body.on('data', (chunk: Buffer) => this.#onChunk(chunk));
    await finished(body).catch(() => undefined);
    const outcome = await this.handle.outcome;
    if (this.#failed || this.exchange.res.destroyed) return;
    if (!this.#headSent) this.#endWithoutBody(outcome.error !== undefined);
    else if (outcome.error && this.exchange.errorMode === 'abort') this.exchange.res.destroy();
    else this.exchange.res.end();
  }

  #onChunk(chunk: Buffer): void {
    if (this.#failed || this.exchange.res.destroyed || chunk.length === 0) return;
    const bytes = this.#headSent ? chunk : this.#takeHead(chunk);
    if (bytes && bytes.length > 0) this.#write(bytes);
  }

  /** Sends the head as soon as it is known; returns the body bytes of this chunk, if any. */
  #takeHead(chunk: Buffer): Buffer | undefined {
    if (!this.#decoder) {
      this.#sendHead(this.#defaultHead());
      return chunk;
    }
    try {
      const found = this.#decoder.push(chunk);
      if (!found) return undefined;
      this.#sendHead(headFromPrelude(found.prelude));
      return found.rest;
    } catch (error) {
      this.#fail(`invalid http-integration prelude: ${(error as Error).message}`);
      return undefined;
    }
  }

  #write(chunk: Buffer): void {
    const { res } = this.exchange;
    if (res.write(chunk)) return;
    this.handle.body.pause();
    res.once('drain', () => this.handle.body.resume());
  }

  #sendHead(head: ResponseHead): void {
    setHead(this.exchange, head);
    this.exchange.res.flushHeaders();
    this.#headSent = true;
  }

  /** The body ended before any body byte went out. */
  #endWithoutBody(errored: boolean): void {
    const pending = this.#decoder?.pendingBytes ?? 0;
    // http-integration without the delimiter: 502 if bytes were written, 200 if none (spec §4.4).
    if (errored || pending > 0) {
      sendBadGateway(this.exchange.res, this.exchange.requestId);
      return;
    }
    this.#sendHead(
      this.#decoder ? { statusCode: 200, headers: {}, cookies: [] } : this.#defaultHead(),
    );
    this.exchange.res.end();
  }

  #defaultHead(): ResponseHead {
    return { statusCode: 200, headers: { 'Content-Type': this.start.contentType }, cookies: [] };
  }

  #fail(reason: string): void {
    this.#failed = true;
    this.exchange.logger.warn(`${this.exchange.fn.name} (${this.exchange.requestId}): ${reason}`);
    this.handle.discard();
    this.handle.body.resume();
    sendBadGateway(this.exchange.res, this.exchange.requestId);
  }
}
