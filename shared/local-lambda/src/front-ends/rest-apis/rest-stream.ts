/**
 * Answers a `STREAM` route from a running invocation (as `InvokeWithResponseStream`): API
 * Gateway starts the client's response once it has the prelude and its delimiter (status,
 * headers, cookies), then passes each chunk on as it arrives, through its own bandwidth limit.
 * Before the head: a function error, a missing or malformed prelude → 502; the integration
 * timeout → 504. After it: an error or the timeout cuts the response without its terminating
 * chunk (curl exit 18). All of these are UNCONFIRMED on AWS (notes §1.5, §8 items 1-3).
 */
import type { Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import {
  HTTP_INTEGRATION_CONTENT_TYPE,
  HttpPreludeDecoder,
} from '@lambda-streaming/streaming/wire';
import type { InvocationHandle } from '../../invocations/contracts.js';
import { createGatewayLimiter } from './gateway-limiter.js';
import type { RestExchange } from './rest-exchange.js';
import { headFromProxy, setRestHead } from './rest-head.js';
import { BAD_GATEWAY, type GatewayError, sendGatewayError, TIMED_OUT } from './rest-responses.js';

/** The prelude must arrive within the first 16 KB (a third-party digest of the docs: UNCONFIRMED). */
const MAX_PRELUDE_BYTES = 16 * 1024;

/**
 * @param exchange - The request being answered.
 * @param handle - The invocation (`delivery: 'stream'`).
 * @example
 * ```ts
 * await streamToRestResponse(exchange, service.invoke({ ...request, delivery: 'stream' }));
 * ```
 */
export async function streamToRestResponse(
  exchange: RestExchange,
  handle: InvocationHandle,
): Promise<void> {
  await new RestStreamRelay(exchange, handle).run();
}

class RestStreamRelay {
  readonly #decoder = new HttpPreludeDecoder(MAX_PRELUDE_BYTES);
  #headSent = false;
  #over = false;
  #limited: Transform | undefined;

  constructor(
    readonly exchange: RestExchange,
    readonly handle: InvocationHandle,
  ) {}

  async run(): Promise<void> {
    const { res, route } = this.exchange;
    const timer = setTimeout(
      () => this.#stop('the integration timeout passed', TIMED_OUT),
      route.timeoutInMillis,
    );
    res.on('close', () => {
      if (!res.writableFinished) this.#giveUp();
    });
    const start = await this.handle.started;
    const type = start?.contentType.split(';')[0]?.trim();
    if (start && type !== HTTP_INTEGRATION_CONTENT_TYPE) {
      this.#stop(`the function wrote no prelude (content type ${start.contentType})`, BAD_GATEWAY);
    }
    const limited = createGatewayLimiter(this.exchange.bandwidthLimit);
    this.#limited = limited;
    if (this.#over) limited.destroy();
    else this.handle.body.pipe(limited);
    limited.on('data', (chunk: Buffer) => this.#onChunk(chunk, limited));
    await finished(limited).catch(() => undefined);
    const outcome = await this.handle.outcome;
    clearTimeout(timer);
    if (this.#over) return;
    if (!this.#headSent) {
      const why = outcome.error
        ? `the function failed: ${outcome.error.errorType}`
        : 'no prelude delimiter';
      this.#stop(why, BAD_GATEWAY);
    } else if (outcome.error) res.destroy();
    else res.end();
  }

  #onChunk(chunk: Buffer, limited: Transform): void {
    if (this.#over || chunk.length === 0) return;
    let bytes: Buffer | undefined = chunk;
    if (!this.#headSent) {
      try {
        const found = this.#decoder.push(chunk);
        if (found) this.#sendHead(found.prelude);
        bytes = found?.rest;
      } catch (error) {
        this.#stop(`invalid prelude: ${(error as Error).message}`, BAD_GATEWAY);
        return;
      }
    }
    if (!bytes || bytes.length === 0) return;
    if (this.exchange.res.write(bytes)) return;
    limited.pause();
    this.exchange.res.once('drain', () => limited.resume());
  }

  #sendHead(prelude: Record<string, unknown>): void {
    setRestHead(this.exchange, headFromProxy(prelude, false));
    this.exchange.res.flushHeaders();
    this.#headSent = true;
  }

  /** Ends the exchange: a gateway error before the head, a cut response after it. */
  #stop(reason: string, error: GatewayError): void {
    if (this.#over) return;
    const { api, route, ids, res } = this.exchange;
    this.exchange.logger.warn(
      `${api.name} ${route.method} ${route.path} (${ids.requestId}): ${reason}`,
    );
    this.#giveUp();
    if (this.#headSent) res.destroy();
    else sendGatewayError(res, ids, error);
  }

  /** The client's side is over: the function keeps running, its output is dropped. */
  #giveUp(): void {
    this.#over = true;
    this.handle.discard();
    this.handle.body.resume();
    // discard() unpipes the body: the limiter would never end.
    this.#limited?.destroy();
  }
}
