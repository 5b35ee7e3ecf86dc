import type { ServerResponse } from 'node:http';
import { finished } from 'node:stream/promises';
import {
  EVENT_STREAM_CONTENT_TYPE,
  type InvokeCompleteFields,
  invokeCompleteFrame,
  payloadChunkFrames,
} from '@lambda-streaming/streaming/protocol';
import { sendBytes } from '../../http/http-send.js';
import type { InvocationHandle, InvocationOutcome } from '../../invocations/contracts.js';
import type { ApiCall, ApiContext } from './api-context.js';
import { readClientContext } from './client-context.js';
import { resolveFunction } from './function-name.js';
import {
  logTail,
  readInvocationType,
  readLogType,
  startInvocation,
  validatePayload,
} from './invocation-input.js';

const INVOCATION_TYPES = ['RequestResponse', 'DryRun'] as const;

/**
 * `InvokeWithResponseStream` (spec §3): 200 with an event stream that carries a `PayloadChunk`
 * per chunk the function writes, as soon as it is written (the SDK's `send()` waits for the
 * first frame), then one `InvokeComplete`. Function errors, timeouts and oversize stay inside
 * the 200, in `InvokeComplete.ErrorCode`/`ErrorDetails`. The http-integration prelude passes
 * through untouched. `DryRun` answers 204.
 *
 * @param call - The verified request.
 * @param context - The API context.
 * @example
 * ```ts
 * await invokeWithResponseStream(call, context);
 * ```
 */
export async function invokeWithResponseStream(call: ApiCall, context: ApiContext): Promise<void> {
  const target = resolveFunction(call.functionName, call.query.get('Qualifier'), context);
  const invocationType = readInvocationType(call.req, INVOCATION_TYPES);
  const tail = readLogType(call.req) === 'Tail';
  const payload = validatePayload(call.body);
  const headers = { 'X-Amz-Executed-Version': '$LATEST', 'x-amzn-RequestId': call.requestId };
  if (invocationType === 'DryRun') return sendBytes(call.res, 204, Buffer.alloc(0), headers);
  const clientContext = readClientContext(call.req);
  const handle = startInvocation(context.service, {
    functionName: target.fn.name,
    payload,
    invokedFunctionArn: target.invokedArn,
    delivery: 'stream',
    requestId: call.requestId,
    ...clientContext,
  });
  call.res.writeHead(200, { 'Content-Type': EVENT_STREAM_CONTENT_TYPE, ...headers });
  call.res.flushHeaders();
  await relay(call.res, handle, (outcome) => completeFields(outcome, tail, context));
}

/** Copies the body into frames with backpressure; the function runs on if the client goes. */
function relay(
  res: ServerResponse,
  handle: InvocationHandle,
  complete: (outcome: InvocationOutcome) => InvokeCompleteFields,
): Promise<void> {
  const { body } = handle;
  let gone = false;
  body.on('error', () => {}); // the outcome says how the invocation ended
  res.on('error', () => {});
  res.on('close', () => {
    if (res.writableFinished) return;
    gone = true;
    handle.discard();
    body.resume();
  });
  body.on('data', (chunk: Buffer) => {
    if (gone) return;
    let flowing = true;
    for (const frame of payloadChunkFrames(chunk)) flowing = res.write(frame) && flowing;
    if (!flowing) {
      body.pause();
      res.once('drain', () => body.resume());
    }
  });
  return finished(body)
    .catch(() => undefined)
    .then(() => handle.outcome)
    .then((outcome) => {
      if (!gone) res.end(invokeCompleteFrame(complete(outcome)));
    });
}

function completeFields(
  outcome: InvocationOutcome,
  tail: boolean,
  context: ApiContext,
): InvokeCompleteFields {
  const fields: InvokeCompleteFields = {};
  if (outcome.error) {
    fields.ErrorCode = outcome.error.errorType;
    fields.ErrorDetails =
      context.errorDetails === 'payload'
        ? outcome.error.payload.toString('utf8')
        : outcome.error.errorMessage;
  }
  // UNCONFIRMED (spec §3.6): whether Lambda fills LogResult for streamed invocations.
  if (tail) fields.LogResult = logTail(outcome.logs);
  return fields;
}
