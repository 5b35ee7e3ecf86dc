import type { ServerResponse } from 'node:http';
import {
  InvokeWithResponseStreamCommand,
  type InvokeWithResponseStreamCommandOutput,
  LambdaClient,
} from '@aws-sdk/client-lambda';
import { vi } from 'vitest';
import { EVENT_STREAM_CONTENT_TYPE } from '../../../src/protocol/index.js';
import { type LocalServer, startLocalServer } from './local-server.js';

let server: LocalServer | undefined;

/**
 * Starts a local stand-in for the Lambda API whose InvokeWithResponseStream response is written
 * by `respond` (after the 200 and the event-stream content type), then invokes it with a real
 * `LambdaClient`. Call {@link closeInvokeServer} in `afterEach`.
 *
 * @param respond - Writes event-stream frames to the response, and ends it.
 * @returns The SDK's command output, once the first event frame arrived.
 * @example
 * ```ts
 * const output = await invokeAgainst((res) => res.end(invokeCompleteFrame()));
 * ```
 */
export async function invokeAgainst(
  respond: (res: ServerResponse) => unknown,
): Promise<InvokeWithResponseStreamCommandOutput> {
  // The pinned SDK warns on Node 20 (toolchain notes); the warning is noise here.
  vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
  server = await startLocalServer((_req, res) => {
    res.writeHead(200, {
      'content-type': EVENT_STREAM_CONTENT_TYPE,
      'x-amzn-requestid': 'test-request-id',
      'x-amz-executed-version': '$LATEST',
    });
    void respond(res);
  });
  const client = new LambdaClient({
    endpoint: server.origin,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    maxAttempts: 1,
  });
  return client.send(new InvokeWithResponseStreamCommand({ FunctionName: 'fn', LogType: 'Tail' }));
}

/**
 * Closes the server of the last {@link invokeAgainst}, if any, and restores the environment.
 *
 * @example
 * ```ts
 * afterEach(closeInvokeServer);
 * ```
 */
export async function closeInvokeServer(): Promise<void> {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
}
