/**
 * `InvokeWithResponseStream` through the real AWS SDK for JavaScript v3: what an application
 * sees, its own decoding included.
 */
import { createHash } from 'node:crypto';
import { InvokeWithResponseStreamCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { invokePayloads } from '@lambda-streaming/streaming/client';

/** The payload's size, hash and timing. */
export interface SdkStreamTiming {
  ttfbMs: number | undefined;
  ttlbMs: number;
  bytes: number;
  sha256: string;
}

/**
 * Invokes a function with the SDK and reads every payload chunk, hashing it.
 *
 * @param client - A `LambdaClient` for the emulator (or AWS).
 * @param functionName - The function.
 * @param payload - The event.
 * @returns Timing from just before `send()`; throws `InvokeStreamError` on a function error.
 * @example
 * ```ts
 * const timing = await sdkStream(emulator.client, 'BenchBytesFunction', { bytes: 1e6 });
 * ```
 */
export async function sdkStream(
  client: LambdaClient,
  functionName: string,
  payload: unknown,
): Promise<SdkStreamTiming> {
  const hash = createHash('sha256');
  const command = new InvokeWithResponseStreamCommand({
    FunctionName: functionName,
    Payload: Buffer.from(JSON.stringify(payload)),
  });
  const startMs = performance.now();
  const output = await client.send(command);
  let ttfbMs: number | undefined;
  let bytes = 0;
  for await (const chunk of invokePayloads(output.EventStream)) {
    if (chunk.byteLength === 0) continue;
    ttfbMs ??= performance.now() - startMs;
    bytes += chunk.byteLength;
    hash.update(chunk);
  }
  return { ttfbMs, ttlbMs: performance.now() - startMs, bytes, sha256: hash.digest('hex') };
}
