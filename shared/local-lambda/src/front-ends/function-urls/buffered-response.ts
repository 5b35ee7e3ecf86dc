import { finished } from 'node:stream/promises';
import type { InvocationHandle } from '../../invocations/contracts.js';
import { mapBufferedResult } from './buffered-result.js';
import { setHead } from './response-head.js';
import { sendBadGateway } from './url-errors.js';
import type { UrlExchange } from './url-exchange.js';

/**
 * Answers a `BUFFERED` URL request once the invocation is over: the mapped result, or 502
 * `Internal Server Error` for a function error (spec §4.3).
 *
 * @param exchange - The request being answered.
 * @param handle - The invocation (`delivery: 'buffer'`).
 * @example
 * ```ts
 * await bufferToUrlResponse(exchange, service.invoke({ ...request, delivery: 'buffer' }));
 * ```
 */
export async function bufferToUrlResponse(
  exchange: UrlExchange,
  handle: InvocationHandle,
): Promise<void> {
  const { res } = exchange;
  res.on('close', () => {
    if (!res.writableFinished) handle.discard();
  });
  const chunks: Buffer[] = [];
  handle.body.on('data', (chunk: Buffer) => chunks.push(chunk));
  await finished(handle.body).catch(() => undefined);
  const outcome = await handle.outcome;
  if (outcome.error) return sendBadGateway(res, exchange.requestId);
  let mapped: ReturnType<typeof mapBufferedResult>;
  try {
    mapped = mapBufferedResult(Buffer.concat(chunks));
  } catch (error) {
    exchange.logger.warn(
      `${exchange.fn.name} (${exchange.requestId}): ${(error as Error).message}`,
    );
    return sendBadGateway(res, exchange.requestId);
  }
  if (res.destroyed) return;
  setHead(exchange, mapped);
  res.setHeader('Content-Length', mapped.body.length);
  res.end(mapped.body);
}
