import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { MAX_EVENT_PAYLOAD_BYTES } from '../../defaults.js';
import type { FunctionError } from '../../functions/function-error.js';
import { sendBytes } from '../../http/http-send.js';
import type { InvocationHandle } from '../../invocations/contracts.js';
import type { ApiCall, ApiContext } from './api-context.js';
import { requestTooLarge } from './api-error.js';
import { readClientContext } from './client-context.js';
import { resolveFunction } from './function-name.js';
import {
  logTail,
  readInvocationType,
  readLogType,
  startInvocation,
  validatePayload,
} from './invocation-input.js';

const INVOCATION_TYPES = ['RequestResponse', 'Event', 'DryRun'] as const;

/**
 * `Invoke` (spec §3.7): `RequestResponse` answers 200 with the result, or with
 * `X-Amz-Function-Error: Unhandled` and the error JSON; `Event` answers 202 and runs in the
 * background; `DryRun` answers 204.
 *
 * @param call - The verified request.
 * @param context - The API context.
 * @example
 * ```ts
 * await invoke(call, context);
 * ```
 */
export async function invoke(call: ApiCall, context: ApiContext): Promise<void> {
  const target = resolveFunction(call.functionName, call.query.get('Qualifier'), context);
  const invocationType = readInvocationType(call.req, INVOCATION_TYPES);
  const logType = readLogType(call.req);
  const payload = validatePayload(call.body);
  const versionHeader = { 'X-Amz-Executed-Version': '$LATEST', 'x-amzn-RequestId': call.requestId };
  if (invocationType === 'DryRun') return sendBytes(call.res, 204, Buffer.alloc(0), versionHeader);
  const request = {
    functionName: target.fn.name,
    payload,
    invokedFunctionArn: target.invokedArn,
    delivery: 'buffer' as const,
    requestId: call.requestId,
    ...readClientContext(call.req),
  };
  if (invocationType === 'Event') {
    if (payload.length > MAX_EVENT_PAYLOAD_BYTES) {
      throw requestTooLarge(MAX_EVENT_PAYLOAD_BYTES, 'InvokeAsync');
    }
    context.events.enqueue(request);
    return sendBytes(call.res, 202, Buffer.alloc(0), { 'x-amzn-RequestId': call.requestId });
  }
  const handle = startInvocation(context.service, request);
  await answerBuffered(call, handle, logType === 'Tail');
}

async function answerBuffered(call: ApiCall, handle: InvocationHandle, tail: boolean) {
  call.res.on('close', () => {
    if (!call.res.writableFinished) handle.discard();
  });
  const body = await collect(handle.body);
  const outcome = await handle.outcome;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-Amz-Executed-Version': '$LATEST',
    'x-amzn-RequestId': outcome.requestId,
  };
  if (tail) headers['X-Amz-Log-Result'] = logTail(outcome.logs);
  if (!outcome.error) return sendBytes(call.res, 200, body, headers);
  headers['X-Amz-Function-Error'] = 'Unhandled';
  sendBytes(call.res, 200, errorDocument(outcome.error), headers);
}

/** Reads a body to its end; a body that fails ends what was read (the outcome says why). */
async function collect(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  body.on('data', (chunk: Buffer) => chunks.push(chunk));
  await finished(body).catch(() => undefined);
  return Buffer.concat(chunks);
}

function errorDocument(error: FunctionError): Buffer {
  if (error.payload.length > 0) return error.payload;
  return Buffer.from(
    JSON.stringify({ errorMessage: error.errorMessage, errorType: error.errorType }),
  );
}
