import {
  InvokeWithResponseStreamCommand,
  type InvokeWithResponseStreamCompleteEvent,
  type LambdaClient,
} from '@aws-sdk/client-lambda';

/** One `PayloadChunk`, as the SDK handed it over. */
export interface TimedPayload {
  /** Milliseconds after `send()` was called. */
  atMs: number;
  text: string;
}

/** Everything a client of `InvokeWithResponseStream` saw. */
export interface StreamedInvocation {
  statusCode: number | undefined;
  /** The response's `Content-Type`, as the SDK reports it (`ResponseStreamContentType`). */
  contentType: string | undefined;
  chunks: TimedPayload[];
  /** All chunks, decoded as UTF-8. */
  text: string;
  /** `InvokeComplete` exactly as the SDK decoded it; `undefined` if the stream ended without it. */
  complete: InvokeWithResponseStreamCompleteEvent | undefined;
}

/**
 * Invokes a function with `InvokeWithResponseStream` (`LogType: Tail`) and reads every event,
 * timing each chunk; a function error is data here (`complete.ErrorCode`), not an exception.
 *
 * @param client - A Lambda client (`target.lambda`).
 * @param functionName - The function's name (`target.functionName(...)`).
 * @returns What arrived, and when.
 * @example
 * ```ts
 * const run = await invokeStream(target.lambda, target.functionName('HappyPathFunction'));
 * expect(run.complete?.ErrorCode).toBeUndefined();
 * ```
 */
export async function invokeStream(
  client: LambdaClient,
  functionName: string,
): Promise<StreamedInvocation> {
  const startMs = performance.now();
  const output = await client.send(
    new InvokeWithResponseStreamCommand({ FunctionName: functionName, LogType: 'Tail' }),
  );
  const decoder = new TextDecoder();
  const result: StreamedInvocation = {
    statusCode: output.StatusCode,
    contentType: output.ResponseStreamContentType,
    chunks: [],
    text: '',
    complete: undefined,
  };
  for await (const event of output.EventStream ?? []) {
    if (event.PayloadChunk?.Payload) {
      const text = decoder.decode(event.PayloadChunk.Payload, { stream: true });
      result.chunks.push({ atMs: performance.now() - startMs, text });
      result.text += text;
    }
    if (event.InvokeComplete) result.complete = event.InvokeComplete;
  }
  return result;
}
