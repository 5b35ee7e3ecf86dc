import { finished } from 'node:stream/promises';
import type { InvocationHandle } from '../../invocations/contracts.js';
import type { RestExchange } from './rest-exchange.js';
import { setRestHead } from './rest-head.js';
import { BAD_GATEWAY, sendGatewayError, TIMED_OUT } from './rest-responses.js';
import { mapRestResult } from './rest-result.js';

/**
 * Answers a `BUFFERED` route once the invocation is over: the mapped result; 502 for a function
 * error or a malformed result; 504 when the route's integration timeout passes first (the
 * function keeps running, its output is dropped).
 *
 * @param exchange - The request being answered.
 * @param handle - The invocation (`delivery: 'buffer'`).
 * @example
 * ```ts
 * await bufferToRestResponse(exchange, service.invoke({ ...request, delivery: 'buffer' }));
 * ```
 */
export async function bufferToRestResponse(
  exchange: RestExchange,
  handle: InvocationHandle,
): Promise<void> {
  const { res, ids } = exchange;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    handle.discard();
    sendGatewayError(res, ids, TIMED_OUT);
  }, exchange.route.timeoutInMillis);
  res.on('close', () => {
    if (!res.writableFinished) handle.discard();
  });
  const chunks: Buffer[] = [];
  handle.body.on('data', (chunk: Buffer) => {
    if (!timedOut) chunks.push(chunk);
  });
  await finished(handle.body).catch(() => undefined);
  const outcome = await handle.outcome;
  clearTimeout(timer);
  if (timedOut || res.destroyed) return;
  if (outcome.error) return sendGatewayError(res, ids, BAD_GATEWAY);
  const start = await handle.started;
  try {
    const { head, body } = mapRestResult(Buffer.concat(chunks), {
      contentType: start?.contentType,
      accept: exchange.req.headers.accept,
      binaryMediaTypes: exchange.api.definition.binaryMediaTypes,
    });
    setRestHead(exchange, head);
    res.setHeader('Content-Length', body.length);
    res.end(body);
  } catch (error) {
    exchange.logger.warn(
      `${exchange.api.name} ${exchange.route.method} ${exchange.route.path} (${ids.requestId}): Malformed Lambda proxy response: ${(error as Error).message}`,
    );
    sendGatewayError(res, ids, BAD_GATEWAY);
  }
}
