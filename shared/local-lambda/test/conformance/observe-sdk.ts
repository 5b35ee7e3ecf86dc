/**
 * The two Lambda API calls as the JS SDK makes them: `InvokeWithResponseStream` (PayloadChunk
 * bytes concatenated, the InvokeComplete fields, any error the event stream throws) and buffered
 * `Invoke` (status, X-Amz-Function-Error, body). Both ask for the log tail and pass a client
 * context, so the context case can read it.
 */
import { InvokeCommand, InvokeWithResponseStreamCommand } from '@aws-sdk/client-lambda';
import { type BodyView, bodyView } from './body-view.js';
import { OFFICIAL_ENTRY_BANNER } from './normalize.js';
import type { Target } from './targets.js';

/** The client context every SDK call sends (base64 JSON, as the API wants it). */
export const CLIENT_CONTEXT = {
  client: { installation_id: 'conformance-suite', app_title: 'conformance' },
  custom: { purpose: 'compare runtimes' },
  env: { platform: 'node' },
};

const REQUEST = {
  Payload: new TextEncoder().encode(JSON.stringify({ conformance: true })),
  LogType: 'Tail' as const,
  ClientContext: Buffer.from(JSON.stringify(CLIENT_CONTEXT)).toString('base64'),
};

/** What the SDK's InvokeWithResponseStream gave. */
export interface StreamObservation {
  statusCode?: number;
  executedVersion?: string;
  contentType?: string;
  body: BodyView;
  completeEvents: number;
  errorCode?: string;
  errorDetails?: string;
  logs?: string[];
  /** Thrown by send() or by the event stream. */
  error?: string;
}

/** What the SDK's Invoke gave. */
export interface InvokeObservation {
  statusCode?: number;
  functionError?: string;
  executedVersion?: string;
  body: BodyView;
  logs?: string[];
  error?: string;
}

/** The log tail's lines, without the official entry point's banner (see normalize.ts). */
function logLines(logResult: string | undefined): string[] | undefined {
  if (logResult === undefined) return undefined;
  const lines = Buffer.from(logResult, 'base64').toString('utf8').split('\n');
  return lines.filter((line) => line !== '' && !OFFICIAL_ENTRY_BANNER.test(line));
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * @param target - The emulator.
 * @param functionName - The function to invoke.
 * @returns The response, the concatenated payload and the completion.
 * @example
 * ```ts
 * const { body, errorCode } = await observeStream(target, 'ThrowLateFn');
 * ```
 */
export async function observeStream(
  target: Target,
  functionName: string,
): Promise<StreamObservation> {
  const chunks: Uint8Array[] = [];
  const observation: StreamObservation = { body: bodyView(new Uint8Array()), completeEvents: 0 };
  try {
    const command = new InvokeWithResponseStreamCommand({ FunctionName: functionName, ...REQUEST });
    const response = await target.client.send(command);
    observation.statusCode = response.StatusCode;
    observation.executedVersion = response.ExecutedVersion;
    observation.contentType = response.ResponseStreamContentType;
    for await (const event of response.EventStream ?? []) {
      if (event.PayloadChunk?.Payload) chunks.push(event.PayloadChunk.Payload);
      if (event.InvokeComplete) {
        observation.completeEvents += 1;
        observation.errorCode = event.InvokeComplete.ErrorCode;
        observation.errorDetails = event.InvokeComplete.ErrorDetails;
        observation.logs = logLines(event.InvokeComplete.LogResult);
      }
    }
  } catch (error) {
    observation.error = describeError(error);
  }
  return { ...observation, body: bodyView(Buffer.concat(chunks)) };
}

/**
 * @param target - The emulator.
 * @param functionName - The function to invoke.
 * @returns Status, function error, body and log tail.
 * @example
 * ```ts
 * const { functionError, body } = await observeInvoke(target, 'ThrowEarlyFn');
 * ```
 */
export async function observeInvoke(
  target: Target,
  functionName: string,
): Promise<InvokeObservation> {
  try {
    const command = new InvokeCommand({ FunctionName: functionName, ...REQUEST });
    const response = await target.client.send(command);
    return {
      statusCode: response.StatusCode,
      functionError: response.FunctionError,
      executedVersion: response.ExecutedVersion,
      body: bodyView(response.Payload ?? new Uint8Array()),
      logs: logLines(response.LogResult),
    };
  } catch (error) {
    return { body: bodyView(new Uint8Array()), error: describeError(error) };
  }
}
